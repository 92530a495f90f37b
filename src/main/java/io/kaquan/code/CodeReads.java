package io.kaquan.code;

import jakarta.ws.rs.NotFoundException;

import io.kaquan.web.ActionRefused;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatCodes;
import io.kaquan.wechat.WeChatException;

/** The read of a code before an operation on it. */
final class CodeReads {

    private CodeReads() {
    }

    /** The code as it is now: unknown (40056) or of another card is a 404, other refusals are told. */
    static WeChatCodes.Info before(WeChatClient wechat, CodeWords words, String cardId, String code) {
        try {
            WeChatCodes.Info info = wechat.codeGet(cardId, code, false);
            if (info.card() == null || !cardId.equals(info.card().cardId())) {
                throw new NotFoundException();
            }
            return info;
        } catch (WeChatException e) {
            if (e.errcode() == 40056) {
                throw new NotFoundException();
            }
            throw new ActionRefused(words.msg().refused(words.operationRefused(e)));
        }
    }
}
