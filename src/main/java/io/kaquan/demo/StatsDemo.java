package io.kaquan.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.card.Card;
import io.kaquan.card.CardMirror;
import io.kaquan.stats.StatsSync;
import io.kaquan.tenant.Tenant;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatConfig;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatTime;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Living statistics for the dev demo tenant: a few cards made through the gateway (like the wizard would) and
 * approved, then weeks of simulated users receiving, viewing, redeeming, gifting and letting codes expire — all
 * back-dated over the sandbox's admin API, over HTTP like WeChat's users would act — and the statistics synced.
 * Idempotent: cards are made only for a tenant without any, and each past day is simulated once
 * ({@code stats_demo_activity}); a later start fills in the days since.
 */
@ApplicationScoped
public class StatsDemo {

    /** A 1×1 PNG: the demo cards' logo. */
    private static final byte[] LOGO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /** The expiring demo card: its codes last this many days. */
    static final int SHORT_TERM_DAYS = 3;

    /** The demo cards' brand, which tells them from the cards a developer makes. */
    static final String BRAND = "演示餐厅";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    DemoConfig demo;

    @Inject
    WeChatGateway gateway;

    @Inject
    WeChatConfig wechatConfig;

    @Inject
    CardMirror mirror;

    @Inject
    StatsSync sync;

    /** What a seeding did. */
    public record Seeded(List<String> cardsCreated, int daysSimulated, int actions, StatsSync.Outcome synced) {
    }

    /** A demo card: what to create, and how busy its users are. */
    private record Kind(String type, String title, int receiptsPerDay, boolean shortTerm) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("GROUPON", "双人火锅套餐", 5, false),
            new Kind("CASH", "满100减10元", 4, false),
            new Kind("DISCOUNT", "全场七折券", 3, false),
            new Kind("GIFT", "新客礼品券", 2, true));

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT || !demo.enabled() || !demo.stats()) {
            return;
        }
        Thread thread = new Thread(this::seedDemoTenant, "kaquan-demo-stats");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the demo tenant ({@link DemoTenant} creates it in the background), then seeds it. */
    private void seedDemoTenant() {
        for (int attempt = 1; attempt <= 90; attempt++) {
            try {
                Thread.sleep(2000);
                Long id = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> find("appid", demo.appid())
                        .firstResultOptional().map(t -> t.id).orElse(null));
                if (id == null) {
                    continue;
                }
                Seeded seeded = seed(id, sync.today(), demo.statsDays());
                Log.infof("Demo statistics: %d cards created, %d days simulated (%d user actions), sync %s",
                        seeded.cardsCreated().size(), seeded.daysSimulated(), seeded.actions(),
                        seeded.synced().summary());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.debugf("Demo statistics not ready yet (%s), attempt %d", e.getMessage(), attempt);
            }
        }
        Log.warn("The demo statistics could not be seeded; is the sandbox on (kaquan.sandbox.enabled)?");
    }

    /**
     * Seeds a tenant bound to a sandbox account: cards when it has none, simulated activity for each day not
     * simulated yet among the {@code days} before {@code today}, then the statistics sync.
     */
    public Seeded seed(long tenantId, LocalDate today, int days) {
        String appid = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> findById(tenantId).appid);
        List<String> created = new ArrayList<>();
        List<DemoCard> cards = cards(tenantId, created, today, days);
        LocalDate first = today.minusDays(days);
        LocalDate through = QuarkusTransaction.requiringNew().call(() -> activityThrough(tenantId));
        LocalDate from = through == null || through.isBefore(first) ? first : through.plusDays(1);
        int simulated = 0;
        int actions = 0;
        List<Held> held = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(today); day = day.plusDays(1)) {
            actions += simulateDay(appid, cards, day, today, held);
            LocalDate done = day;
            QuarkusTransaction.requiringNew().run(() -> markSimulated(tenantId, done));
            simulated++;
        }
        StatsSync.Outcome synced = sync.syncTenant(tenantId, today);
        return new Seeded(created, simulated, actions, synced);
    }

    private record DemoCard(String cardId, Kind kind) {
    }

    /** A code a simulated user holds, and the day it was received. */
    private record Held(DemoCard card, String code, LocalDate received) {
    }

    /** The tenant's approved demo cards (recognised by brand and title), made first if it has none. */
    private List<DemoCard> cards(long tenantId, List<String> created, LocalDate today, int days) {
        List<DemoCard> cards = demoCards(tenantId);
        if (!cards.isEmpty()) {
            return cards;
        }
        WeChatClient client = gateway.forTenant(tenantId);
        String logo = client.uploadImage("logo.png", LOGO, "image/png");
        long begin = today.minusDays(days + 5L).atStartOfDay(WeChatTime.ZONE).toEpochSecond();
        long end = today.plusDays(90).atStartOfDay(WeChatTime.ZONE).toEpochSecond();
        for (Kind kind : KINDS) {
            String cardId = client.cardCreate(body(kind, logo, begin, end));
            created.add(cardId);
            admin("/cards/" + cardId + "/review", Map.of("pass", true));
            var detail = client.cardGet(cardId);
            QuarkusTransaction.requiringNew().run(() -> mirror.refreshed(tenantId, detail, Card.Origin.KAQUAN));
        }
        return demoCards(tenantId);
    }

    private static List<DemoCard> demoCards(long tenantId) {
        List<Card> mirrored = QuarkusTransaction.requiringNew().call(() -> Card.<Card> list(
                "tenantId = ?1 and brandName = ?2 order by createdAt, id", tenantId, BRAND));
        List<DemoCard> cards = new ArrayList<>();
        for (Card card : mirrored) {
            KINDS.stream().filter(kind -> kind.title().equals(card.title)).findFirst()
                    .filter(kind -> card.status == CardStatus.VERIFY_OK || card.status == CardStatus.DISPATCH)
                    .ifPresent(kind -> cards.add(new DemoCard(card.cardId, kind)));
        }
        return cards;
    }

    private static JsonNode body(Kind kind, String logo, long begin, long end) {
        ObjectNode card = JSON.createObjectNode();
        card.put("card_type", kind.type());
        ObjectNode typed = card.putObject(kind.type().toLowerCase());
        ObjectNode base = typed.putObject("base_info");
        base.put("logo_url", logo);
        base.put("code_type", "CODE_TYPE_QRCODE");
        base.put("brand_name", BRAND);
        base.put("title", kind.title());
        base.put("color", "Color010");
        base.put("notice", "使用时向服务员出示此券");
        base.put("description", "演示数据：由沙箱模拟的用户领取和使用");
        base.put("can_give_friend", true);
        base.putObject("sku").put("quantity", 100000);
        ObjectNode dates = base.putObject("date_info");
        if (kind.shortTerm()) {
            dates.put("type", "DATE_TYPE_FIX_TERM").put("fixed_term", SHORT_TERM_DAYS).put("fixed_begin_term", 0);
        } else {
            dates.put("type", "DATE_TYPE_FIX_TIME_RANGE").put("begin_timestamp", begin).put("end_timestamp", end);
        }
        switch (kind.type()) {
            case "GROUPON" -> typed.put("deal_detail", "双人火锅套餐一份");
            case "CASH" -> typed.put("least_cost", 10000).put("reduce_cost", 1000);
            case "DISCOUNT" -> typed.put("discount", 30);
            case "GIFT" -> typed.put("gift", "新客到店赠送饮品一杯");
            default -> typed.put("default_detail", "演示优惠");
        }
        return card;
    }

    /**
     * One day of users: receipts (more at weekends), views of codes, redemptions and gifts of codes received in the
     * last days, and a look at short-term codes whose term is over (which makes WeChat count them expired).
     */
    private int simulateDay(String appid, List<DemoCard> cards, LocalDate day, LocalDate today, List<Held> held) {
        Random random = new Random(day.toEpochDay() * 31 + appid.hashCode());
        boolean weekend = day.getDayOfWeek().getValue() >= 6;
        int actions = 0;
        for (DemoCard card : cards) {
            int receipts = card.kind().receiptsPerDay() + random.nextInt(3) + (weekend ? 2 : 0);
            for (int i = 0; i < receipts; i++) {
                JsonNode received = act("/cards/" + card.cardId() + "/receive", Map.of("at", at(day, 9, random)));
                if (received != null) {
                    held.add(new Held(card, received.path("code").asText(), day));
                    actions++;
                }
            }
        }
        List<Held> done = new ArrayList<>();
        for (Held code : held) {
            long age = day.toEpochDay() - code.received().toEpochDay();
            String path = "/codes/" + code.code() + "/%s?appid=" + appid;
            if (code.card().kind().shortTerm()) {
                // Only looked at once more, after the term: the sandbox then counts the expiry on its last day.
                if (age == SHORT_TERM_DAYS + 1) {
                    act(path.formatted("view"), Map.of("at", at(day, 13, random)));
                    done.add(code);
                    actions++;
                } else if (age == 0 && random.nextInt(4) == 0) {
                    act(path.formatted("view"), Map.of("at", at(day, 13, random)));
                    actions++;
                }
                continue;
            }
            if (age > 7) {
                done.add(code);
                continue;
            }
            int roll = random.nextInt(10);
            if (roll < 4) {
                act(path.formatted("view"), Map.of("at", at(day, 13, random)));
                actions++;
            }
            if (age >= 1 && roll < 2) {
                act(path.formatted("consume"), Map.of("at", at(day, 17, random), "mode", "MOBILE_HELPER"));
                done.add(code);
                actions++;
            } else if (age >= 1 && roll == 9 && random.nextBoolean()) {
                act(path.formatted("gift"), Map.of("at", at(day, 17, random)));
                done.add(code);
                actions++;
            }
        }
        held.removeAll(done);
        return actions;
    }

    /** A time of the day in China, from the hour on, within three hours (never in the future). */
    private static String at(LocalDate day, int hour, Random random) {
        Instant at = day.atTime(hour, 0).atZone(WeChatTime.ZONE).toInstant()
                .plusSeconds(random.nextInt(3 * 3600));
        Instant now = Instant.now().minusSeconds(5);
        return (at.isAfter(now) ? now : at).toString();
    }

    /** A simulated user's action; a refusal (a code that cannot be used any more…) is skipped, answering null. */
    private JsonNode act(String path, Map<String, Object> body) {
        try {
            return admin(path, body);
        } catch (Refused e) {
            Log.debugf("Demo action refused: %s", e.getMessage());
            return null;
        }
    }

    /** The sandbox answered 4xx. */
    static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    /** A call of the sandbox's admin API. */
    private JsonNode admin(String path, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(adminBase() + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 == 4) {
                throw new Refused(path + ": HTTP " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Sandbox " + path + ": HTTP " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Sandbox " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The sandbox admin API of this app ({port}: this server's own port, known only once it listens). */
    private String adminBase() {
        String url = wechatConfig.sandboxAdminUrl();
        if (url.contains("{port}")) {
            String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
            int port = ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
            url = url.replace("{port}", Integer.toString(port));
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static LocalDate activityThrough(long tenantId) {
        List<?> rows = Tenant.getEntityManager()
                .createNativeQuery("select activity_through from stats_demo_activity where tenant_id = ?1")
                .setParameter(1, tenantId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object value = rows.get(0);
        return value instanceof LocalDate day ? day : ((Date) value).toLocalDate();
    }

    private static void markSimulated(long tenantId, LocalDate day) {
        Tenant.getEntityManager().createNativeQuery("insert into stats_demo_activity (tenant_id, activity_through)"
                + " values (?1, ?2) on conflict (tenant_id) do update set activity_through = excluded.activity_through")
                .setParameter(1, tenantId).setParameter(2, day).executeUpdate();
    }
}
