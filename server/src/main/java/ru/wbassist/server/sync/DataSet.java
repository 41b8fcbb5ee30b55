package ru.wbassist.server.sync;

import ru.wbassist.server.cabinets.WbToken;

/**
 * The data sets of a cabinet, in the order a run syncs them: products first so that events about new orders find
 * their titles and photos, stocks next (they need the products' nmIds).
 */
public enum DataSet {
    PRODUCTS("products", WbToken.Scope.CONTENT),
    PRICES("prices", WbToken.Scope.PRICES),
    STOCKS("stocks", WbToken.Scope.ANALYTICS),
    ORDERS("orders", WbToken.Scope.STATISTICS),
    SALES("sales", WbToken.Scope.STATISTICS),
    REVIEWS("reviews", WbToken.Scope.FEEDBACKS),
    QUESTIONS("questions", WbToken.Scope.FEEDBACKS);

    private final String dbName;
    private final WbToken.Scope scope;

    DataSet(String dbName, WbToken.Scope scope) {
        this.dbName = dbName;
        this.scope = scope;
    }

    /** The name in {@code sync_cursors.data_set} and {@code wb_sync_logs.data_set}. */
    public String dbName() {
        return dbName;
    }

    /** The key category WB requires for it. */
    public WbToken.Scope scope() {
        return scope;
    }

    public static DataSet ofDbName(String name) {
        for (DataSet set : values()) {
            if (set.dbName.equals(name)) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown data set " + name);
    }
}
