package io.kaquan.jobs;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Scheduled jobs (kaquan.jobs.*); a feature's own job settings live with the feature (kaquan.jobs.card-status.*). */
@ConfigMapping(prefix = "kaquan.jobs")
public interface JobsConfig {

    /**
     * How often the dispatcher looks for due tenant jobs (a clustered Quartz job: one node per firing); {@code off}
     * stops it (tests). Also read by {@code @Scheduled} in {@link JobTriggers}.
     */
    @WithDefault("30s")
    String tick();

    /** Zone in which the jobs' cron expressions are read: WeChat's day. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Tenant runs one firing of the dispatcher starts at most; the rest wait for the next firing. */
    @WithDefault("10")
    int batchSize();

    /** How long a run holds its tenant's lease; should its node die, another may run the job after this. */
    @WithDefault("15m")
    Duration lease();

    /** Run records older than this are deleted. */
    @WithDefault("30d")
    Duration keepRuns();

    /** A user's "sync now" is refused this soon after the last manual run of the tenant's job. */
    @WithDefault("20s")
    Duration manualCooldown();

    /** This node's name in the run records (default pid@host). */
    Optional<String> nodeName();

    /** The schedule of each tenant job, by {@link TenantJob#name()}. */
    Map<String, TenantJobSchedule> tenant();

    Tokens tokens();

    /** When a tenant job is due. */
    interface TenantJobSchedule {

        /** Quartz cron (in {@link JobsConfig#zone()}): the start of each period. Without it the job is not scheduled. */
        Optional<String> cron();

        /** Each tenant is due at the cron time plus an offset in [0, spread) hashed from job and tenant. */
        @WithDefault("1h")
        Duration spread();

        @WithDefault("true")
        boolean enabled();
    }

    /** Token freshness. */
    interface Tokens {

        /** How often the tokens of recently active tenants are checked; keep it well below kaquan.wechat.refresh-ahead. */
        @WithDefault("60s")
        String every();

        /** A tenant counts as active when it called a WeChat API (other than the token APIs) within this time. */
        @WithDefault("24h")
        Duration activeWithin();

        /** Tokens refreshed per sweep at most (each is one call to WeChat's token API). */
        @WithDefault("100")
        int maxPerSweep();
    }
}
