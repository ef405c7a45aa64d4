package io.mailflow.runtime.ship;

/**
 * A line found on the lines topic, by the headers the shipper gave it.
 *
 * @param fileKey the identity of the file it was read from
 * @param offset its offset in that file
 * @param length its length as shipped, without line terminator
 * @param recordOffset the offset of its record in the partition
 */
record ShippedLine(String fileKey, long offset, int length, long recordOffset) {
    /** Where the line ended in its file, before its terminator. */
    FilePosition end() {
        return new FilePosition(fileKey, offset + length);
    }
}
