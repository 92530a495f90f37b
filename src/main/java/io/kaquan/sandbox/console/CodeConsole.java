package io.kaquan.sandbox.console;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.codes.CodeIssued;
import io.kaquan.web.I18n;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's list of every code of a sandbox account (newest first); actions are those of {@link CardConsole}. */
@Path("/sandbox/accounts/{appid}/codes")
public class CodeConsole {

    static final int MAX_ROWS = 200;

    /** A code row with its card. */
    public record Row(CodeIssued code, CardTemplate card, String statusLabel) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance codes(SandboxAccount account, List<Row> codes);
    }

    @Inject
    I18n i18n;

    @GET
    @Transactional
    public TemplateInstance codes(@RestPath String appid) {
        SandboxAccount account = SandboxAccount.byAppid(appid).orElseThrow(NotFoundException::new);
        SandboxCardMsg msg = i18n.bundle(SandboxCardMsg.class);
        Map<Long, CardTemplate> cards = CardTemplate.<CardTemplate> list("accountId", account.id).stream()
                .collect(Collectors.toMap(card -> card.id, card -> card));
        List<Row> rows = CodeIssued.<CodeIssued> find("accountId = ?1 order by receivedAt desc, id desc", account.id)
                .page(0, MAX_ROWS).list().stream()
                .map(code -> new Row(code, cards.get(code.cardPk), CardConsole.codeLabel(msg, code.status))).toList();
        return Templates.codes(account, rows);
    }
}
