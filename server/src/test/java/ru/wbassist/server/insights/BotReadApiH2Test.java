package ru.wbassist.server.insights;

import ru.wbassist.db.DatabaseConfig;

/** The bot read API on the embedded H2 store. */
class BotReadApiH2Test extends BotReadApiContract {

    @Override
    DatabaseConfig.Vendor vendor() {
        return DatabaseConfig.Vendor.H2;
    }
}
