package ru.wbassist.emulators.wb;

/** A seller account of the sandbox: its identity (as seller-info shows it), its default token and its shop. */
public final class SandboxSeller {

    private final String sid;
    private final String name;
    private final String tradeMark;
    private final String token;
    private final SandboxShop shop;

    SandboxSeller(String sid, String name, String tradeMark, String token, SandboxShop shop) {
        this.sid = sid;
        this.name = name;
        this.tradeMark = tradeMark;
        this.token = token;
        this.shop = shop;
    }

    /** The seller id (UUID), the {@code sid} claim of its tokens. */
    public String sid() {
        return sid;
    }

    public String name() {
        return name;
    }

    public String tradeMark() {
        return tradeMark;
    }

    /** The token minted at creation: Statistics + Content + Feedbacks + Analytics, valid 180 days. */
    public String token() {
        return token;
    }

    public SandboxShop shop() {
        return shop;
    }
}
