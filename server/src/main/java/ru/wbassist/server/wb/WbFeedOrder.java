package ru.wbassist.server.wb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A row of the order feed ({@code POST /api/analytics/v1/order-feed}): one order unit with its current status.
 * {@code updatedAt} is the time of that status ({@code createdAt} while it is {@code created}); times carry an offset.
 * {@code cancelType} is set for {@code cancel} only; {@code isMp} means the seller's own warehouse.
 */
public record WbFeedOrder(
        Long nmId,
        Long chrtId,
        String srid,
        Instant createdAt,
        Instant updatedAt,
        String status,
        String cancelType,
        String warehouseName,
        String warehouseRegion,
        Boolean isMp,
        String destinationCity,
        String destinationDistrict,
        BigDecimal sellerPrice,
        Boolean isB2b) {

    /** The feed's statuses. */
    public enum Status {
        CREATED("created"),
        BUYOUT("buyout"),
        CANCEL("cancel"),
        RETURN("return"),
        RETURN_DEFECTIVE("returnDefective");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public boolean isReturn() {
            return this == RETURN || this == RETURN_DEFECTIVE;
        }

        static Optional<Status> of(String wire) {
            for (Status status : values()) {
                if (status.wire.equals(wire)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
    }

    /** The status, known to be one of WB's five (the client skips other rows). */
    public Status knownStatus() {
        return Status.of(status).orElseThrow();
    }

    /** Why the row cannot be stored, or empty when it can: the fields the store and the event keys need. */
    Optional<String> defect() {
        if (srid == null || srid.isBlank()) {
            return Optional.of("no srid");
        }
        if (nmId == null) {
            return Optional.of("no nmId");
        }
        if (createdAt == null || updatedAt == null) {
            return Optional.of("no createdAt or updatedAt");
        }
        if (Status.of(status).isEmpty()) {
            return Optional.of("unknown status " + (status == null ? "null" : "'" + status + "'"));
        }
        return Optional.empty();
    }
}
