package io.kaquan.overview;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.card.CardAttention;
import io.kaquan.card.StockAlerts;
import io.kaquan.code.CodeActivity;
import io.kaquan.jobs.SyncService;
import io.kaquan.stats.Counts;
import io.kaquan.stats.StatsReport;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.tenant.Tenant;
import io.kaquan.tenant.TenantService;
import io.kaquan.web.TimeTexts;
import io.kaquan.wechat.TokenHealth;

/**
 * What a merchant needs to see first about one account, each part asked of the feature that owns it: live receipts
 * and redemptions, WeChat's T+1 figures, cards that need attention, what is broken, and the first steps of a new
 * account. A handful of indexed reads, no WeChat call.
 */
@ApplicationScoped
public class Dashboard {

    /** One step of the first-run checklist. */
    public record Step(FirstRunStep step, boolean done, String path) {
    }

    /**
     * @param yesterdayStats WeChat's figures for yesterday, null until the statistics sync stored them
     * @param steps the first-run checklist, empty once every step is done
     */
    public record View(Tenant tenant, long memberCount, CodeActivity.Recent live, LocalDate yesterday,
            Counts yesterdayStats, CardAttention.Summary cards, List<StockAlerts.Open> alerts, TokenHealth health,
            List<SyncService.FailingJob> failingJobs, List<Step> steps, int lowStockPercent, int expiringDays) {

        public boolean hasCardNews() {
            return !cards.inReview().isEmpty() || !cards.refused().isEmpty() || !cards.lowStock().isEmpty()
                    || !cards.expiring().isEmpty() || !alerts.isEmpty();
        }

        public boolean hasTrouble() {
            return health.problem() != null || health.anyExhausted() || !failingJobs.isEmpty();
        }

        public long stepsDone() {
            return steps.stream().filter(Step::done).count();
        }
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    TenantService tenants;

    @Inject
    CardAttention cardAttention;

    @Inject
    StockAlerts stockAlerts;

    @Inject
    CodeActivity codeActivity;

    @Inject
    StatsReport stats;

    @Inject
    SyncService sync;

    @Inject
    OverviewConfig config;

    public View today() {
        Tenant tenant = currentTenant.get();
        long tenantId = tenant.id;
        CodeActivity.Recent live = codeActivity.recent(tenantId);
        CardAttention.Summary cards = cardAttention.summary(tenantId, config.lowStockPercent(),
                Duration.ofDays(config.expiringDays()));
        LocalDate yesterday = LocalDate.now(TimeTexts.SHANGHAI).minusDays(1);
        Optional<Counts> yesterdayStats = stats.accountDay(tenantId, yesterday);
        return new View(tenant, tenants.memberCount(), live, yesterday, yesterdayStats.orElse(null), cards,
                stockAlerts.open(), tenants.health(), sync.failingJobs(tenantId), steps(tenant, cards, live),
                config.lowStockPercent(), config.expiringDays());
    }

    private static List<Step> steps(Tenant tenant, CardAttention.Summary cards, CodeActivity.Recent live) {
        boolean[] done = { true, tenant.callbackVerifiedAt != null, cards.anyCard(), live.everReceived(),
                live.everConsumed() };
        List<Step> steps = new ArrayList<>();
        boolean all = true;
        for (FirstRunStep step : FirstRunStep.values()) {
            steps.add(new Step(step, done[step.ordinal()], step.path(tenant.id)));
            all &= done[step.ordinal()];
        }
        return all ? List.of() : steps;
    }
}
