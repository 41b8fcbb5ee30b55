package ru.wbassist.bot.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.wbassist.api.Notifications;

/**
 * A local record of deliveries Telegram accepted whose ack the server may not have yet. A line is written right after
 * Telegram's answer, before the ack goes out, so a bot killed in between finds it at its next start and acks it instead
 * of letting the server hand the item out again: the duplicate window shrinks from an ack round trip to the moment
 * between reading Telegram's answer and this write. Writes are not fsynced: they survive a killed process (the OS keeps
 * them), not a power cut.
 */
final class DeliveryJournal implements AutoCloseable {

    private static final long COMPACT_ABOVE_BYTES = 1 << 20;

    private final Path file;
    private FileChannel channel;
    private final Map<Long, Instant> unacked = new LinkedHashMap<>();
    private final List<Notifications.Delivered> recovered;

    private DeliveryJournal(Path file, FileChannel channel, List<Notifications.Delivered> recovered) {
        this.file = file;
        this.channel = channel;
        this.recovered = List.copyOf(recovered);
        recovered.forEach(entry -> unacked.put(entry.id(), entry.sentAt()));
    }

    /** Opens (or creates) the journal; entries a previous run left are in {@link #recovered()}. */
    static DeliveryJournal open(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            List<Notifications.Delivered> recovered = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    parse(line, recovered);
                }
            }
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new DeliveryJournal(file, channel, recovered);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the delivery journal " + file.toAbsolutePath(), e);
        }
    }

    /** Deliveries a previous run recorded but may not have acked. */
    List<Notifications.Delivered> recovered() {
        return recovered;
    }

    /** Deliveries recorded and not yet acknowledged. */
    synchronized int size() {
        return unacked.size();
    }

    synchronized void sent(long id, Instant sentAt) {
        unacked.put(id, sentAt);
        write(id + "," + sentAt.toEpochMilli() + "\n");
    }

    /** The server has these acks: forget them, and keep the file small. */
    synchronized void acked(Collection<Long> ids) {
        ids.forEach(unacked::remove);
        try {
            if (unacked.isEmpty()) {
                channel.truncate(0);
            } else if (channel.size() > COMPACT_ABOVE_BYTES) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot trim the delivery journal", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compact() throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder lines = new StringBuilder();
        unacked.forEach((id, at) ->
                lines.append(id).append(',').append(at.toEpochMilli()).append('\n'));
        Files.writeString(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // the channel still points at the replaced file: appends must go to the new one
        channel.close();
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private void write(String line) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the delivery journal", e);
        }
    }

    private static void parse(String line, List<Notifications.Delivered> into) {
        int comma = line.indexOf(',');
        if (comma <= 0) {
            return; // a line cut short by the kill: its send is the one the window may duplicate
        }
        try {
            long id = Long.parseLong(line.substring(0, comma));
            long millis = Long.parseLong(line.substring(comma + 1).trim());
            into.add(new Notifications.Delivered(id, Instant.ofEpochMilli(millis)));
        } catch (NumberFormatException e) {
            // same: a torn last line
        }
    }
}
