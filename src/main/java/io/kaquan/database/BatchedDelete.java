package io.kaquan.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Deletes old rows a batch per transaction, so that a large backlog neither holds locks for long nor builds one huge
 * transaction. Used by the retention jobs.
 */
@ApplicationScoped
public class BatchedDelete {

    @Inject
    EntityManager em;

    /**
     * Deletes the rows of {@code table} whose primary key {@code id} the {@code selectIds} query (with the limit as
     * its last parameter {@code ?n}) returns, batch after batch, until a batch comes back short; answers how many.
     *
     * @param selectIds a native query selecting {@code id}s, ending in {@code limit ?n}, n = parameters.length + 1
     */
    public long run(String table, String selectIds, int batchSize, Object... parameters) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> {
                var delete = em.createNativeQuery("delete from " + table + " where id in (" + selectIds + ")");
                for (int i = 0; i < parameters.length; i++) {
                    delete.setParameter(i + 1, parameters[i]);
                }
                return delete.setParameter(parameters.length + 1, batchSize).executeUpdate();
            });
            total += deleted;
        } while (deleted >= batchSize);
        return total;
    }
}
