package dev.bacalhau4j.core.internal.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;

/** Turns SQLite's error codes into what an operator can act on. */
final class StoreErrors {
    private StoreErrors() {}

    /** What went wrong with the store in {@code file} (null in memory): a full disk says which directory to free. */
    static String describe(SQLException e, Path file) {
        if (isDiskFull(e)) {
            if (file == null) return "the in-memory job store is full (" + e.getMessage() + ")";
            return "the disk is full: no space left on device for the node directory " + file.getParent()
                    + " (job store " + file.getFileName() + "); free space there and retry (" + e.getMessage() + ")";
        }
        return e.getMessage();
    }

    /** SQLITE_FULL, or an I/O error SQLite reports when a write hits ENOSPC. */
    static boolean isDiskFull(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) return true;
        String message = e.getMessage();
        return message != null && message.contains("No space left on device");
    }
}
