package ru.wbassist.server.wb;

import ru.wbassist.api.InvalidRequest;

/** The live key check on connect: WB's ping on the statistics host, then seller-info for the seller's name and id. */
public final class WbKeyCheck implements KeyCheck {

    private final WbClient wb;

    public WbKeyCheck(WbClient wb) {
        this.wb = wb;
    }

    @Override
    public Seller check(String apiKey) {
        try {
            SellerInfo seller = wb.checkKey(WbCredentials.unsaved(apiKey));
            return new Seller(blankToNull(seller.name()), blankToNull(seller.sid()));
        } catch (WbException.KeyRejected e) {
            throw new InvalidRequest("api_key", "WB rejected this API key (" + e.status() + ": " + e.reason()
                    + "); check that it is active and has the Statistics, Content and Feedbacks categories");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
