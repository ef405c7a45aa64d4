package io.mailflow.runtime.ship;

import java.util.Objects;

/** Where a {@link LogFollower} starts reading. */
public sealed interface StartPoint {
    /** The start of the first line not yet complete in the file there now, like {@code tail -F}. */
    static StartPoint end() {
        return new End();
    }

    /** Offset 0 of the file there now. */
    static StartPoint beginning() {
        return new Beginning();
    }

    /** A position of a file that may since have been rotated or truncated. */
    static StartPoint at(FilePosition position) {
        return at(position, FileHead.NONE);
    }

    /**
     * A position of a file that may since have been rotated or truncated, and whose first bytes
     * were {@code head}: a file of the same identity but another head is a new file.
     */
    static StartPoint at(FilePosition position, FileHead head) {
        return new At(position, head);
    }

    /**
     * After the line that was shipped with {@code lineEnd.offset()} bytes in total from its start:
     * the line terminator after it is found in the file itself, since the shipped bytes left out
     * any {@code \r}.
     */
    static StartPoint afterLineEndingAt(FilePosition lineEnd, FileHead head) {
        return new AfterLine(lineEnd, head);
    }

    /** See {@link StartPoint#end()}. */
    record End() implements StartPoint {}

    /** See {@link StartPoint#beginning()}. */
    record Beginning() implements StartPoint {}

    /** See {@link StartPoint#at(FilePosition, FileHead)}. */
    record At(FilePosition position, FileHead head) implements StartPoint {
        public At {
            Objects.requireNonNull(position, "position can't be null");
            Objects.requireNonNull(head, "head can't be null");
        }
    }

    /** See {@link StartPoint#afterLineEndingAt}. */
    record AfterLine(FilePosition lineEnd, FileHead head) implements StartPoint {
        public AfterLine {
            Objects.requireNonNull(lineEnd, "lineEnd can't be null");
            Objects.requireNonNull(head, "head can't be null");
        }
    }
}
