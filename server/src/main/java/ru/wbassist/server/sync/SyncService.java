package ru.wbassist.server.sync;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ru.wbassist.api.Cabinets.Cabinet;
import ru.wbassist.api.PerCabinet;
import ru.wbassist.api.Syncs;
import ru.wbassist.db.Database;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.cabinets.CabinetState;
import ru.wbassist.server.cabinets.WbToken;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.Params;
import ru.wbassist.server.users.User;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.users.UserService;

/** {@code /api/v1/bot/sync}: "sync now" and the sync status of a user's cabinets (docs/api.md). */
public final class SyncService implements HttpService {

    private final Database db;
    private final UserRepository users;
    private final CabinetRepository cabinets;
    private final SyncTrigger trigger;
    private final Clock clock;

    public SyncService(
            Database db, UserRepository users, CabinetRepository cabinets, SyncTrigger trigger, Clock clock) {
        this.db = db;
        this.users = users;
        this.cabinets = cabinets;
        this.trigger = trigger;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(Syncs.START, this::start)
                .get(Syncs.STATUS, this::status)
                .any(Syncs.START, (req, res) -> {
                    throw ApiException.methodNotAllowed("POST");
                })
                .any(Syncs.STATUS, (req, res) -> {
                    throw ApiException.methodNotAllowed("GET");
                });
    }

    /**
     * 202 when at least one cabinet's sync was started; 409 when every requested cabinet is syncing already or paused
     * by an operator.
     */
    private void start(ServerRequest req, ServerResponse res) {
        List<Cabinet> selected = cabinetsOf(req);
        List<Syncs.Started> started = new ArrayList<>();
        boolean any = false;
        for (Cabinet cabinet : selected) {
            String status;
            if (paused(cabinet.id())) {
                status = "paused";
            } else {
                SyncTrigger.Result result = trigger.start(cabinet.id());
                any |= result == SyncTrigger.Result.STARTED;
                status = result == SyncTrigger.Result.STARTED ? "started" : "already_running";
            }
            started.add(new Syncs.Started(cabinet.id(), status));
        }
        if (!any) {
            throw ApiException.conflict(
                    selected.size() == 1
                            ? "a sync of cabinet " + selected.getFirst().id() + " is running or paused; try again later"
                            : "each of these cabinets is syncing or paused");
        }
        res.status(Status.ACCEPTED_202).send(new PerCabinet<>(started));
    }

    private void status(ServerRequest req, ServerResponse res) {
        List<Syncs.CabinetStatus> blocks = new ArrayList<>();
        for (Cabinet cabinet : cabinetsOf(req)) {
            SyncTrigger.State state = trigger.state(cabinet.id());
            boolean paused = paused(cabinet.id());
            blocks.add(db.withConnection(c -> {
                List<Syncs.DataSetRun> runs = new ArrayList<>(RunLog.latest(c, cabinet.id()));
                runs.addAll(skipped(cabinet.id(), runs));
                runs.sort(Comparator.comparing(run -> DataSet.ofDbName(run.dataSet())));
                return new Syncs.CabinetStatus(
                        cabinet.id(),
                        cabinet.name(),
                        state.running(),
                        paused,
                        paused ? null : state.nextRunAt(),
                        runs,
                        OrderFeedState.view(OrderFeedState.read(c, cabinet.id()), clock.instant()));
            }));
        }
        res.send(new PerCabinet<>(blocks));
    }

    private boolean paused(long cabinetId) {
        return db.withConnection(c -> CabinetState.syncPaused(c, cabinetId));
    }

    /** The data sets the key's categories leave out (never run for it), said so instead of being left out silently. */
    private List<Syncs.DataSetRun> skipped(long cabinetId, List<Syncs.DataSetRun> runs) {
        Set<WbToken.Scope> scopes = CabinetSync.scopesOf(cabinets.apiKey(cabinetId));
        List<Syncs.DataSetRun> skipped = new ArrayList<>();
        for (DataSet set : DataSet.values()) {
            if (!scopes.contains(set.scope())
                    && runs.stream().noneMatch(r -> r.dataSet().equals(set.dbName()))) {
                skipped.add(new Syncs.DataSetRun(
                        set.dbName(),
                        "skipped",
                        null,
                        null,
                        0,
                        "the key has no " + set.scope().name().toLowerCase(Locale.ROOT) + " category: " + set.dbName()
                                + " is not synced",
                        null,
                        null));
            }
        }
        return skipped;
    }

    /** The user's cabinets, or the one named by {@code cabinet_id} (404 when it is not theirs). */
    private List<Cabinet> cabinetsOf(ServerRequest req) {
        long telegramId = Params.requiredId(req, "telegram_id");
        User user = users.find(telegramId).orElseThrow(() -> UserService.unknown(telegramId));
        List<Cabinet> all = cabinets.listForUser(user.id());
        var cabinetId = Params.optionalId(req, "cabinet_id");
        if (cabinetId.isPresent()) {
            return all.stream()
                    .filter(c -> c.id() == cabinetId.get())
                    .findFirst()
                    .map(List::of)
                    .orElseThrow(() ->
                            ApiException.notFound("cabinet " + cabinetId.get() + " is not connected for this user"));
        }
        if (all.isEmpty()) {
            throw ApiException.notFound("no WB cabinet is connected for telegram_id " + telegramId);
        }
        return all;
    }
}
