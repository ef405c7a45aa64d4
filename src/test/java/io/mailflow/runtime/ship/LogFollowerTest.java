package io.mailflow.runtime.ship;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {
    private static final String CONNECT = "20-Jun-03 03:43:31 pop3 connect 1.2.3.4";
    private static final String LOGIN = "20-Jun-03 03:43:31 pop3 OK LOGIN by support from 1.2.3.4";
    private static final String DISCONNECT = "20-Jun-03 03:43:40 pop3 disconnect 1.2.3.4";
    private static final String QUEUED =
            "20-Jun-03 08:09:46 smtp-out OK ID=2549 Send email. Outgoing message queued To:"
                    + " support@support.webcrossing.com From: babies@diapers.smell.com";
    private static final String SENT =
            "20-Jun-03 08:11:04 smtp-out OK ID=2549 Send email. Sent email To:"
                    + " support@support.webcrossing.com From: babies@diapers.smell.com";

    @TempDir Path dir;

    private final List<FollowedLine> lines = new ArrayList<>();
    private final List<LogFollower> followers = new ArrayList<>();

    @AfterEach
    void closeFollowers() throws IOException {
        for (LogFollower f : followers) {
            f.close();
        }
    }

    @Test
    void appendedLines_areHandedOnAsTheyArrive() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n");
        LogFollower follower = follow(log, StartPoint.beginning());

        assertThat(poll(follower)).isEqualTo(1);
        append("mail01.log", LOGIN + "\n" + DISCONNECT + "\n");
        assertThat(poll(follower)).isEqualTo(2);

        assertThat(texts()).containsExactly(CONNECT, LOGIN, DISCONNECT);
        assertThat(offsets()).containsExactly(0L, 40L, 97L);
        assertThat(follower.position()).isEqualTo(new FilePosition(key(log), Files.size(log)));
        assertThat(follower.caughtUp()).isTrue();
    }

    @Test
    void partialLastLine_waitsForItsNewline() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN.substring(0, 20));
        LogFollower follower = follow(log, StartPoint.beginning());

        poll(follower);
        assertThat(texts()).containsExactly(CONNECT);
        assertThat(follower.position().offset()).isEqualTo(40);

        append("mail01.log", LOGIN.substring(20));
        assertThat(poll(follower)).isZero();
        append("mail01.log", "\n");
        poll(follower);

        assertThat(texts()).containsExactly(CONNECT, LOGIN);
        assertThat(follower.position().offset()).isEqualTo(Files.size(log));
    }

    @Test
    void crLf_losesTheCarriageReturnButNotOtherBytes() throws IOException {
        Path log = append("mail01.log", CONNECT + "\r\n" + "a\rb\r\r\n" + "\r\n");
        LogFollower follower = follow(log, StartPoint.beginning());

        poll(follower);

        assertThat(texts()).containsExactly(CONNECT, "a\rb\r", "");
        assertThat(offsets()).containsExactly(0L, 41L, 47L);
    }

    @Test
    void invalidUtf8_isHandedOnAsWritten() throws IOException {
        byte[] bytes = {'a', (byte) 0xff, (byte) 0xc3, '\n', 'b', '\n'};
        Path log = dir.resolve("mail01.log");
        Files.write(log, bytes);
        LogFollower follower = follow(log, StartPoint.beginning());

        poll(follower);

        assertThat(lines.get(0).bytes()).containsExactly('a', (byte) 0xff, (byte) 0xc3);
        assertThat(lines.get(1).bytes()).containsExactly('b');
    }

    @Test
    void rotationByRename_finishesTheOldFileThenReadsTheNewOneFromItsStart() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n");
        LogFollower follower = follow(log, StartPoint.beginning());
        poll(follower);
        String oldKey = key(log);

        Path rotated = dir.resolve("mail01.log.1");
        Files.move(log, rotated);
        append("mail01.log", QUEUED + "\n");
        append("mail01.log.1", LOGIN + "\n");
        poll(follower);
        append("mail01.log.1", DISCONNECT + "\n");
        poll(follower);
        poll(follower);
        append("mail01.log", SENT + "\n");
        poll(follower);

        assertThat(texts()).containsExactly(CONNECT, LOGIN, DISCONNECT, QUEUED, SENT);
        assertThat(keys()).containsExactly(oldKey, oldKey, oldKey, key(log), key(log));
        assertThat(lines).extracting(FollowedLine::path).containsOnly(log);
        assertThat(follower.position()).isEqualTo(new FilePosition(key(log), Files.size(log)));
    }

    @Test
    void rotationWithUnterminatedLastLine_shipsThatLineAsItIs() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + "cut off");
        LogFollower follower = follow(log, StartPoint.beginning());
        poll(follower);

        Files.move(log, dir.resolve("mail01.log.1"));
        append("mail01.log", LOGIN + "\n");
        poll(follower);
        int lastOfOldFile = poll(follower);
        poll(follower);

        assertThat(lastOfOldFile).isEqualTo(1);
        assertThat(texts()).containsExactly(CONNECT, "cut off", LOGIN);
    }

    @Test
    void onePoll_neverMixesLinesOfTwoFiles() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n");
        LogFollower follower = follow(log, StartPoint.beginning());
        poll(follower);
        Files.move(log, dir.resolve("mail01.log.1"));
        append("mail01.log", LOGIN + "\n");

        for (int i = 0; i < 4; i++) {
            int before = lines.size();
            poll(follower);
            assertThat(keys().subList(before, lines.size()).stream().distinct()).hasSizeLessThan(2);
        }

        assertThat(texts()).containsExactly(CONNECT, LOGIN);
    }

    @Test
    void truncation_startsAgainAtOffsetZero() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN + "\n");
        LogFollower follower = follow(log, StartPoint.beginning());
        poll(follower);

        Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        poll(follower);
        append("mail01.log", DISCONNECT + "\n");
        poll(follower);

        assertThat(texts()).containsExactly(CONNECT, LOGIN, DISCONNECT);
        assertThat(offsets()).containsExactly(0L, 40L, 0L);
    }

    @Test
    void missingFile_isReadFromItsStartOnceCreated() throws IOException {
        Path log = dir.resolve("mail01.log");
        LogFollower follower = follow(log, StartPoint.end());

        assertThat(poll(follower)).isZero();
        assertThat(follower.caughtUp()).isTrue();
        assertThat(follower.position()).isEqualTo(FilePosition.NO_FILE_YET);

        append("mail01.log", CONNECT + "\n" + LOGIN + "\n");
        poll(follower);

        assertThat(texts()).containsExactly(CONNECT, LOGIN);
    }

    @Test
    void fromEnd_skipsCompleteLinesButWaitsForThePartialOne() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN + "\n" + "20-Jun-03");
        LogFollower follower = follow(log, StartPoint.end());

        assertThat(poll(follower)).isZero();
        append("mail01.log", " 03:43:40 pop3 disconnect 1.2.3.4\n" + QUEUED + "\n");
        poll(follower);

        assertThat(texts()).containsExactly(DISCONNECT, QUEUED);
        assertThat(offsets().get(0)).isEqualTo(97L);
    }

    @Test
    void maxLines_endsThePollRightAfterTheLastLineHandedOn() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN + "\n" + DISCONNECT + "\n");
        LogFollower follower = follow(log, StartPoint.beginning());

        assertThat(follower.poll(lines::add, 2)).isEqualTo(2);
        assertThat(follower.caughtUp()).isFalse();
        assertThat(follower.position().offset()).isEqualTo(97);
        assertThat(follower.poll(lines::add, 2)).isEqualTo(1);
        assertThat(follower.caughtUp()).isTrue();
    }

    @Test
    void resumeInTheSameFile_continuesAtThePosition() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN + "\n" + DISCONNECT + "\n");

        poll(follow(log, StartPoint.at(new FilePosition(key(log), 40))));

        assertThat(texts()).containsExactly(LOGIN, DISCONNECT);
    }

    @Test
    void resumeInAFileRotatedMeanwhile_finishesItThenReadsTheNewFile() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN + "\n");
        FilePosition shipped = new FilePosition(key(log), 40);
        Files.move(log, dir.resolve("mail01.log.1"));
        append("mail01.log", QUEUED + "\n");

        LogFollower follower = follow(log, StartPoint.at(shipped));
        for (int i = 0; i < 3; i++) {
            poll(follower);
        }

        assertThat(texts()).containsExactly(LOGIN, QUEUED);
        assertThat(follower.position()).isEqualTo(new FilePosition(key(log), Files.size(log)));
    }

    @Test
    void resumeInAFileThatIsGone_readsThePathsFileFromItsStart() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN + "\n");
        FilePosition shipped = new FilePosition(key(log), 40);
        FileHead head = headOf(log, 40);
        Files.delete(log);
        append("mail01.log", QUEUED + "\n");

        poll(follow(log, StartPoint.at(shipped, head)));

        assertThat(texts()).containsExactly(QUEUED);
    }

    @Test
    void resumeInAFileRewrittenLongerMeanwhile_readsItFromItsStart() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN + "\n");
        FilePosition shipped = new FilePosition(key(log), 97);
        FileHead head = headOf(log, 97);
        Files.writeString(log, QUEUED + "\n", StandardOpenOption.TRUNCATE_EXISTING);

        poll(follow(log, StartPoint.at(shipped, head)));

        assertThat(texts()).containsExactly(QUEUED);
    }

    @Test
    void resumeInATruncatedFile_readsItFromItsStart() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN + "\n");
        FilePosition shipped = new FilePosition(key(log), 97);
        Files.writeString(log, SENT.substring(0, 40) + "\n", StandardOpenOption.TRUNCATE_EXISTING);

        poll(follow(log, StartPoint.at(shipped)));

        assertThat(texts()).containsExactly(SENT.substring(0, 40));
    }

    @Test
    void head_coversTheShippedBytesOnly() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN.substring(0, 10));
        LogFollower follower = follow(log, StartPoint.beginning());
        poll(follower);

        assertThat(follower.head()).isEqualTo(headOf(log, 40));
        assertThat(follower.head().length()).isEqualTo(40);
    }

    @Test
    void resumeAfterALine_skipsItsCrLfTerminator() throws IOException {
        Path log = append("mail01.log", CONNECT + "\r\n" + LOGIN + "\r\n");
        FilePosition endOfFirstLine = new FilePosition(key(log), CONNECT.length());

        poll(follow(log, StartPoint.afterLineEndingAt(endOfFirstLine, FileHead.NONE)));

        assertThat(texts()).containsExactly(LOGIN);
    }

    @Test
    void resumeAfterTheLastLine_waitsForTheNextOne() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n");
        FilePosition endOfLine = new FilePosition(key(log), CONNECT.length());
        LogFollower follower = follow(log, StartPoint.afterLineEndingAt(endOfLine, FileHead.NONE));

        assertThat(poll(follower)).isZero();
        assertThat(follower.position().offset()).isEqualTo(40);
        append("mail01.log", LOGIN + "\n");
        poll(follower);

        assertThat(texts()).containsExactly(LOGIN);
    }

    @Test
    void rewind_handsOnTheLinesSinceThePositionAgain() throws IOException {
        Path log = append("mail01.log", CONNECT + "\n" + LOGIN + "\n" + DISCONNECT + "\n");
        LogFollower follower = follow(log, StartPoint.beginning());
        follower.poll(lines::add, 1);
        FilePosition committed = follower.position();
        poll(follower);

        follower.rewind(committed);
        poll(follower);

        assertThat(texts()).containsExactly(CONNECT, LOGIN, DISCONNECT, LOGIN, DISCONNECT);
    }

    @Test
    void overlongLine_isCutAndTheNextLineStartsAfterIt() throws IOException {
        String huge = "x".repeat(LogFollower.MAX_LINE_BYTES * 2 + 17);
        Path log = append("mail01.log", CONNECT + "\n" + huge + "\n" + LOGIN + "\n");
        LogFollower follower = follow(log, StartPoint.beginning());

        poll(follower);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).bytes()).hasSize(LogFollower.MAX_LINE_BYTES);
        assertThat(lines.get(2).offset()).isEqualTo(40L + huge.length() + 1);
        assertThat(text(lines.get(2))).isEqualTo(LOGIN);
    }

    @Test
    void manyLinesAcrossReadChunks_areAllHandedOnWhole() throws IOException {
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String line = QUEUED.replace("2549", Integer.toString(i));
            expected.add(line);
            content.append(line).append('\n');
        }
        Path log = append("mail01.log", content.toString());
        LogFollower follower = follow(log, StartPoint.beginning());

        while (!follower.caughtUp() || lines.isEmpty()) {
            follower.poll(lines::add, 777);
        }

        assertThat(texts()).isEqualTo(expected);
        assertThat(follower.bytesRead()).isEqualTo(Files.size(log));
    }

    private LogFollower follow(Path log, StartPoint start) {
        LogFollower follower = new LogFollower(log, start);
        followers.add(follower);
        return follower;
    }

    private int poll(LogFollower follower) throws IOException {
        return follower.poll(lines::add, Integer.MAX_VALUE);
    }

    private Path append(String name, String text) throws IOException {
        return Files.writeString(
                dir.resolve(name),
                text,
                UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static FileHead headOf(Path file, long length) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            return FileHead.of(in, length);
        }
    }

    private static String key(Path file) throws IOException {
        return FileIdentity.of(file);
    }

    private List<String> texts() {
        return lines.stream().map(LogFollowerTest::text).toList();
    }

    private List<Long> offsets() {
        return lines.stream().map(FollowedLine::offset).toList();
    }

    private List<String> keys() {
        return lines.stream().map(FollowedLine::fileKey).toList();
    }

    private static String text(FollowedLine line) {
        return new String(line.bytes(), UTF_8);
    }
}
