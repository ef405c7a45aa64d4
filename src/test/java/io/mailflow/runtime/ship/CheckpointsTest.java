package io.mailflow.runtime.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir Path dir;

    private Checkpoint checkpointOf(Path followed, long offset) {
        return Checkpoint.of(
                Checkpoints.absolute(followed),
                "mail01",
                new FilePosition("(dev=fe00,ino=42)", offset),
                new FileHead(40, 123456789L),
                "webx.log.lines",
                3,
                1000);
    }

    @Test
    void writtenCheckpoint_readsBackEqual() throws Exception {
        Checkpoints checkpoints = Checkpoints.in(dir.resolve("ship"));
        Path followed = dir.resolve("logs/mail01.log");

        checkpoints.write(checkpointOf(followed, 97));
        checkpoints.write(checkpointOf(followed, 1234));

        assertThat(checkpoints.read(followed)).contains(checkpointOf(followed, 1234));
        assertThat(checkpoints.read(followed).orElseThrow().position())
                .isEqualTo(new FilePosition("(dev=fe00,ino=42)", 1234));
        assertThat(checkpoints.read(followed).orElseThrow().head())
                .isEqualTo(new FileHead(40, 123456789L));
        try (Stream<Path> files = Files.list(dir.resolve("ship"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .singleElement()
                    .asString()
                    .matches("mail01\\.log-[0-9a-f]{12}\\.json");
        }
    }

    @Test
    void sameNameInTwoDirectories_getsTwoCheckpoints() throws Exception {
        Checkpoints checkpoints = Checkpoints.in(dir);
        Path first = dir.resolve("a/webx.log");
        Path second = dir.resolve("b/webx.log");

        checkpoints.write(checkpointOf(first, 1));
        checkpoints.write(checkpointOf(second, 2));

        assertThat(checkpoints.read(first).orElseThrow().offset()).isEqualTo(1);
        assertThat(checkpoints.read(second).orElseThrow().offset()).isEqualTo(2);
    }

    @Test
    void noCheckpointYet_isEmpty() throws Exception {
        assertThat(Checkpoints.in(dir).read(dir.resolve("mail01.log"))).isEmpty();
    }

    @Test
    void garbledCheckpoint_failsNamingTheFile() throws Exception {
        Checkpoints checkpoints = Checkpoints.in(dir);
        Path followed = dir.resolve("mail01.log");
        Files.writeString(checkpoints.fileOf(followed), "{\"version\":1,\"path\":");

        assertThatThrownBy(() -> checkpoints.read(followed))
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("the checkpoint " + checkpoints.fileOf(followed))
                .hasMessageContaining("is not a checkpoint")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void checkpointOfAnotherPath_isRefused() throws Exception {
        Checkpoints checkpoints = Checkpoints.in(dir);
        Path followed = dir.resolve("mail01.log");
        Files.copy(
                writeAndGet(checkpoints, dir.resolve("other.log")), checkpoints.fileOf(followed));

        assertThatThrownBy(() -> checkpoints.read(followed))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("is for " + Checkpoints.absolute(dir.resolve("other.log")));
    }

    @Test
    void directoryThatIsAFile_cannotHoldCheckpoints() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> Checkpoints.in(file))
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("cannot create the checkpoint directory " + file);
    }

    private Path writeAndGet(Checkpoints checkpoints, Path followed) throws IOException {
        checkpoints.write(checkpointOf(followed, 5));
        return checkpoints.fileOf(followed);
    }
}
