-- Code operations (io.kaquan.code), after review.

-- Until when a code/get that shows the code unchanged is not yet the final word: a call that got no answer at all may
-- still reach WeChat later. Null for operations still in flight (then created_at + kaquan.codes.settle-time counts).
alter table code_operation add column settles_at timestamptz;

