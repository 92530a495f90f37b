package io.kaquan.stats;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import io.kaquan.wechat.WeChatStats;

/** What users did with cards on a day: times (cnt) and people (user) per kind, as WeChat's datacube counts them. */
@Embeddable
public class Counts {

    @Column(name = "view_cnt", nullable = false)
    public long viewCnt;
    @Column(name = "view_user", nullable = false)
    public long viewUser;
    @Column(name = "receive_cnt", nullable = false)
    public long receiveCnt;
    @Column(name = "receive_user", nullable = false)
    public long receiveUser;
    @Column(name = "verify_cnt", nullable = false)
    public long verifyCnt;
    @Column(name = "verify_user", nullable = false)
    public long verifyUser;
    @Column(name = "given_cnt", nullable = false)
    public long givenCnt;
    @Column(name = "given_user", nullable = false)
    public long givenUser;
    @Column(name = "expire_cnt", nullable = false)
    public long expireCnt;
    @Column(name = "expire_user", nullable = false)
    public long expireUser;

    public Counts() {
    }

    public Counts(long viewCnt, long viewUser, long receiveCnt, long receiveUser, long verifyCnt, long verifyUser,
            long givenCnt, long givenUser, long expireCnt, long expireUser) {
        this.viewCnt = viewCnt;
        this.viewUser = viewUser;
        this.receiveCnt = receiveCnt;
        this.receiveUser = receiveUser;
        this.verifyCnt = verifyCnt;
        this.verifyUser = verifyUser;
        this.givenCnt = givenCnt;
        this.givenUser = givenUser;
        this.expireCnt = expireCnt;
        this.expireUser = expireUser;
    }

    static Counts of(WeChatStats.BizDay row) {
        return new Counts(row.viewCnt(), row.viewUser(), row.receiveCnt(), row.receiveUser(), row.verifyCnt(),
                row.verifyUser(), row.givenCnt(), row.givenUser(), row.expireCnt(), row.expireUser());
    }

    static Counts of(WeChatStats.CardDay row) {
        return new Counts(row.viewCnt(), row.viewUser(), row.receiveCnt(), row.receiveUser(), row.verifyCnt(),
                row.verifyUser(), row.givenCnt(), row.givenUser(), row.expireCnt(), row.expireUser());
    }

    /** The value of one kind, times or people. */
    public long get(Metric metric, boolean people) {
        return switch (metric) {
            case VIEW -> people ? viewUser : viewCnt;
            case RECEIVE -> people ? receiveUser : receiveCnt;
            case VERIFY -> people ? verifyUser : verifyCnt;
            case GIVEN -> people ? givenUser : givenCnt;
            case EXPIRE -> people ? expireUser : expireCnt;
        };
    }

    /** Sums (people of several days or sources add up as "person-days": WeChat gives no distinct count across them). */
    public Counts plus(Counts other) {
        return new Counts(viewCnt + other.viewCnt, viewUser + other.viewUser, receiveCnt + other.receiveCnt,
                receiveUser + other.receiveUser, verifyCnt + other.verifyCnt, verifyUser + other.verifyUser,
                givenCnt + other.givenCnt, givenUser + other.givenUser, expireCnt + other.expireCnt,
                expireUser + other.expireUser);
    }

    /** Copies the values in, for an update that Hibernate writes only when something changed. */
    void set(Counts other) {
        viewCnt = other.viewCnt;
        viewUser = other.viewUser;
        receiveCnt = other.receiveCnt;
        receiveUser = other.receiveUser;
        verifyCnt = other.verifyCnt;
        verifyUser = other.verifyUser;
        givenCnt = other.givenCnt;
        givenUser = other.givenUser;
        expireCnt = other.expireCnt;
        expireUser = other.expireUser;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counts c && viewCnt == c.viewCnt && viewUser == c.viewUser && receiveCnt == c.receiveCnt
                && receiveUser == c.receiveUser && verifyCnt == c.verifyCnt && verifyUser == c.verifyUser
                && givenCnt == c.givenCnt && givenUser == c.givenUser && expireCnt == c.expireCnt
                && expireUser == c.expireUser;
    }

    @Override
    public int hashCode() {
        return Objects.hash(viewCnt, viewUser, receiveCnt, receiveUser, verifyCnt, verifyUser, givenCnt,
                givenUser, expireCnt, expireUser);
    }

    @Override
    public String toString() {
        return "view " + viewCnt + "/" + viewUser + ", receive " + receiveCnt + "/" + receiveUser + ", verify "
                + verifyCnt + "/" + verifyUser + ", given " + givenCnt + "/" + givenUser + ", expire " + expireCnt
                + "/" + expireUser;
    }
}
