package io.mailflow.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Makes damaged lines, mostly from a copy of a real line, so that the noise looks like what a crash
 * or a bad disk leaves behind. The kinds take turns, so that even a few damaged lines show them
 * all. Real lines start with the 18 characters {@code DD-Mon-YY HH:MM:SS} and a space.
 */
final class Damager {
    private static final Damage[] KINDS = Damage.values();
    private static final int TIME_START = 10;
    private static final int STAMP_LENGTH = 18;
    private static final String[] GARBLED_IDS = {"", "nil", "0x1f3a", "#2549", "??", "ID"};

    private final SplittableRandom random;
    private final Population population;
    private int turn;

    Damager(SplittableRandom random, Population population) {
        this.random = random;
        this.population = population;
        this.turn = random.nextInt(KINDS.length);
    }

    /** The kind of the next damaged line. */
    Damage nextKind() {
        return KINDS[turn++ % KINDS.length];
    }

    /** A line damaged as {@code kind}, made from the real line {@code line}. */
    byte[] damage(Damage kind, CharSequence line) {
        if (kind == Damage.RANDOM_BYTES) {
            return randomBytes();
        }
        StringBuilder damaged = new StringBuilder(line);
        switch (kind) {
            case CORRUPTED_DATE -> corruptDate(damaged);
            case CORRUPTED_TIME -> corruptTime(damaged);
            case TRUNCATED_BEFORE_SERVICE -> damaged.setLength(STAMP_LENGTH + random.nextInt(2));
            case GARBLED_MESSAGE_ID -> garbleMessageId(damaged);
            case BROKEN_SMTP_IN_DETAILS -> breakReceivedDetails(damaged);
            default -> throw new IllegalArgumentException("unknown damage " + kind);
        }
        return damaged.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void corruptDate(StringBuilder line) {
        switch (random.nextInt(4)) {
            case 0 -> line.setCharAt(1, 'O');
            case 1 -> {
                // A month's name backwards is never a month's name.
                char first = line.charAt(3);
                line.setCharAt(3, line.charAt(5));
                line.setCharAt(5, first);
            }
            case 2 -> {
                line.setCharAt(2, '/');
                line.setCharAt(6, '/');
            }
            default -> line.setCharAt(8, '?');
        }
    }

    private void corruptTime(StringBuilder line) {
        switch (random.nextInt(4)) {
            case 0 -> line.delete(TIME_START + 5, TIME_START + 8);
            case 1 -> line.setCharAt(TIME_START + 4, 'x');
            case 2 -> {
                line.setCharAt(TIME_START + 2, '.');
                line.setCharAt(TIME_START + 5, '.');
            }
            default -> line.setCharAt(TIME_START, '?');
        }
    }

    private void garbleMessageId(StringBuilder line) {
        line.setLength(STAMP_LENGTH + 1);
        line.append("smtp-out OK ID=").append(GARBLED_IDS[random.nextInt(GARBLED_IDS.length)]);
        line.append(" Send email. Sent email");
        WebCrossingFormat.appendAddresses(
                line, population.remoteRecipient(), population.localUser());
    }

    private void breakReceivedDetails(StringBuilder line) {
        String sender = population.externalSender();
        String recipient = population.localUser();
        String ip = population.publicIp();
        line.setLength(STAMP_LENGTH + 1);
        line.append("smtp-in OK (Received mail");
        switch (random.nextInt(4)) {
            // Cut off before "to:", as a write that stopped half-way would leave it.
            case 0 -> line.append(" from: ").append(sender);
            case 1 ->
                    line.append(" to: ")
                            .append(recipient)
                            .append(" client-IP:")
                            .append(ip)
                            .append(')');
            case 2 ->
                    line.append(" from: ")
                            .append(sender)
                            .append(" to: ")
                            .append(recipient)
                            .append(')');
            default ->
                    line.append(" from: ")
                            .append(sender)
                            .append(" to: ")
                            .append(recipient)
                            .append(" client-IP:")
                            .append(ip);
        }
    }

    /** Bytes other than line ends, the first one above ASCII, so no date can start the line. */
    private byte[] randomBytes() {
        byte[] bytes = new byte[8 + random.nextInt(72)];
        bytes[0] = (byte) (0x80 + random.nextInt(0x80));
        for (int i = 1; i < bytes.length; i++) {
            int b;
            do {
                b = random.nextInt(256);
            } while (b == '\n' || b == '\r');
            bytes[i] = (byte) b;
        }
        return bytes;
    }
}
