package io.kaquan.sandbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The sandbox answers WeChat's API and its admin API on threads of its own. The app calls its built-in sandbox over
 * HTTP from a worker thread and holds that thread until the answer comes; if the sandbox answered on the same workers,
 * a node with as many such calls at once as it has workers would have none left to answer them, and every call would
 * wait out WeChat's read timeout. Requests for these routes leave the router on this pool; RESTEasy runs a blocking
 * method in place when it is called off the event loop, so they never queue behind the app's workers.
 */
@ApplicationScoped
class SandboxThreads {

    @Inject
    SandboxConfig config;

    @Inject
    Vertx vertx;

    private volatile WorkerExecutor pool;

    /** After the input guard (which reads and checks the body on the event loop), before RESTEasy. */
    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::dispatch);
    }

    void dispatch(RoutingContext context) {
        String path = context.request().path();
        if (path == null || !config.enabled()
                || !(path.startsWith(SandboxFilter.API_PREFIX) || path.startsWith(SandboxFilter.ADMIN_PREFIX))) {
            context.next();
            return;
        }
        pool().executeBlocking(() -> {
            context.next();
            return null;
        }, false).onFailure(context::fail);
    }

    private WorkerExecutor pool() {
        WorkerExecutor executor = pool;
        if (executor == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = vertx.createSharedWorkerExecutor("kaquan-sandbox", Math.max(1, config.threads()));
                }
                executor = pool;
            }
        }
        return executor;
    }

    @PreDestroy
    void stop() {
        WorkerExecutor executor = pool;
        if (executor != null) {
            executor.close();
        }
    }
}
