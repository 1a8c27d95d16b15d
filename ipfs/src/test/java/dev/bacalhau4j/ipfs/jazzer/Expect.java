package dev.bacalhau4j.ipfs.jazzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bacalhau4j.ipfs.IpfsFormatException;

/** The part of every parser's contract that concerns bad input: one exception type, with a message. */
final class Expect {
    private Expect() {}

    /** Something that parses and checks what it parsed; may throw only {@link IpfsFormatException}. */
    @FunctionalInterface
    interface Parse {
        void run() throws Exception;
    }

    /**
     * Runs {@code parse}; an {@link IpfsFormatException} with a message is an accepted refusal, and
     * any other exception or error escapes and fails the target.
     *
     * @return true when the input parsed (and its checks passed), false when it was refused
     */
    static boolean parsesOrIsRefused(Parse parse) throws Exception {
        try {
            parse.run();
            return true;
        } catch (IpfsFormatException refused) {
            assertThat(refused.getMessage()).as("message of %s", refused).isNotBlank();
            return false;
        }
    }
}
