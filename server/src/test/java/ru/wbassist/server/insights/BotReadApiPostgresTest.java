package ru.wbassist.server.insights;

import ru.wbassist.db.DatabaseConfig;

/** The bot read API on PostgreSQL. */
class BotReadApiPostgresTest extends BotReadApiContract {

    @Override
    DatabaseConfig.Vendor vendor() {
        return DatabaseConfig.Vendor.POSTGRESQL;
    }
}
