package dev.bacalhau4j.core.internal.store;

import dev.bacalhau4j.api.BacalhauException;
import dev.bacalhau4j.api.ExecutionResult;
import dev.bacalhau4j.api.ExecutionState;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.JobEvent;
import dev.bacalhau4j.api.JobInfo;
import dev.bacalhau4j.api.JobSpecs;
import dev.bacalhau4j.api.JobState;
import dev.bacalhau4j.api.PublishedResult;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link JobStore} in SQLite: a file under the node directory, or a private in-memory
 * database. One connection, serialized by this object's monitor; WAL journal so readers of
 * the file (another process listing jobs) are not blocked.
 */
public final class SqliteJobStore implements JobStore {

    private static final int SCHEMA_VERSION = 2;

    private final Connection connection;
    private final Clock clock;
    /** The database file, null in memory: named in errors so the operator knows which disk to look at. */
    private final Path file;
    private boolean closed;

    private SqliteJobStore(Connection connection, Clock clock, Path file) {
        this.connection = connection;
        this.clock = clock;
        this.file = file;
    }

    /** Opens (creating if needed) the store in {@code file}. */
    public static SqliteJobStore open(Path file, Clock clock) {
        return open("jdbc:sqlite:" + file.toAbsolutePath(), clock, file.toAbsolutePath());
    }

    /** A store that lives only as long as this object. */
    public static SqliteJobStore inMemory(Clock clock) {
        return open("jdbc:sqlite::memory:", clock, null);
    }

    private static SqliteJobStore open(String url, Clock clock, Path file) {
        boolean wal = file != null;
        try {
            Connection connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                if (wal) {
                    s.execute("PRAGMA journal_mode=WAL");
                    // WAL + NORMAL: a commit survives a process crash; only power loss may drop the last ones.
                    s.execute("PRAGMA synchronous=NORMAL");
                    s.execute("PRAGMA busy_timeout=5000");
                }
                s.execute("PRAGMA foreign_keys=ON");
            }
            SqliteJobStore store = new SqliteJobStore(connection, clock, file);
            store.migrate();
            return store;
        } catch (SQLException e) {
            throw new BacalhauException("cannot open the job store at " + url + ": "
                    + StoreErrors.describe(e, file), e);
        }
    }

    private void migrate() throws SQLException {
        try (Statement s = connection.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new BacalhauException("the job store was written by a newer Bacalhau4j (schema "
                        + version + ", this one knows " + SCHEMA_VERSION + ")");
            }
            if (version == SCHEMA_VERSION) {
                return;
            }
            connection.setAutoCommit(false);
            if (version == 0) {
                createVersion1(s);
            }
            // version 2: what the engine ran (image digest), recorded with each execution
            s.execute("ALTER TABLE executions ADD COLUMN engine_detail TEXT NOT NULL DEFAULT ''");
            s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void createVersion1(Statement s) throws SQLException {
        {
            s.execute("CREATE TABLE jobs(id TEXT PRIMARY KEY, spec TEXT NOT NULL, state TEXT NOT NULL,"
                    + " message TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                    + " last_seq INTEGER NOT NULL)");
            s.execute("CREATE TABLE events(job_id TEXT NOT NULL REFERENCES jobs(id), seq INTEGER NOT NULL,"
                    + " execution_id TEXT NOT NULL, time INTEGER NOT NULL, state TEXT NOT NULL,"
                    + " message TEXT NOT NULL, PRIMARY KEY(job_id, seq))");
            s.execute("CREATE TABLE executions(id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES jobs(id),"
                    + " ordinal INTEGER NOT NULL, node_id TEXT NOT NULL, state TEXT NOT NULL,"
                    + " exit_code INTEGER NOT NULL DEFAULT -1, stdout BLOB, stdout_truncated INTEGER NOT NULL DEFAULT 0,"
                    + " stderr BLOB, stderr_truncated INTEGER NOT NULL DEFAULT 0,"
                    + " failure_reason TEXT NOT NULL DEFAULT '', failure_message TEXT NOT NULL DEFAULT '',"
                    + " publisher TEXT, location TEXT, started_at INTEGER NOT NULL DEFAULT 0,"
                    + " finished_at INTEGER NOT NULL DEFAULT 0)");
            s.execute("CREATE INDEX executions_by_job ON executions(job_id, ordinal)");
            s.execute("CREATE INDEX jobs_by_state ON jobs(state)");
        }
    }

    @Override
    public synchronized JobEvent createJob(String jobId, Job job, String message) {
        return inTransaction(() -> {
            Instant now = now();
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO jobs(id, spec, state, message, created_at, updated_at, last_seq)"
                            + " VALUES(?, ?, ?, ?, ?, ?, 0)")) {
                p.setString(1, jobId);
                p.setString(2, JobSpecs.toJson(job));
                p.setString(3, JobState.PENDING.name());
                p.setString(4, message);
                p.setLong(5, now.toEpochMilli());
                p.setLong(6, now.toEpochMilli());
                p.executeUpdate();
            }
            return appendEvent(jobId, "", JobState.PENDING.name(), message, now);
        });
    }

    @Override
    public synchronized JobEvent transitionJob(String jobId, JobState state, String message) {
        return inTransaction(() -> {
            Instant now = now();
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE jobs SET state = ?, message = ?, updated_at = ? WHERE id = ?")) {
                p.setString(1, state.name());
                p.setString(2, message);
                p.setLong(3, now.toEpochMilli());
                p.setString(4, jobId);
                requireOneRow(p.executeUpdate(), "job", jobId);
            }
            return appendEvent(jobId, "", state.name(), message, now);
        });
    }

    @Override
    public synchronized JobEvent createExecution(String jobId, String executionId, String nodeId, String message) {
        return inTransaction(() -> {
            Instant now = now();
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO executions(id, job_id, ordinal, node_id, state) VALUES(?, ?,"
                            + " (SELECT COUNT(*) FROM executions WHERE job_id = ?), ?, ?)")) {
                p.setString(1, executionId);
                p.setString(2, jobId);
                p.setString(3, jobId);
                p.setString(4, nodeId);
                p.setString(5, ExecutionState.NEW.name());
                p.executeUpdate();
            }
            return appendEvent(jobId, executionId, ExecutionState.NEW.name(), message, now);
        });
    }

    @Override
    public synchronized JobEvent transitionExecution(
            String jobId, String executionId, ExecutionState state, String message) {
        return inTransaction(() -> {
            Instant now = now();
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE executions SET state = ?,"
                            + " started_at = CASE WHEN ? = 'RUNNING' AND started_at = 0 THEN ? ELSE started_at END,"
                            + " finished_at = CASE WHEN ? THEN ? ELSE finished_at END"
                            + " WHERE id = ? AND job_id = ?")) {
                p.setString(1, state.name());
                p.setString(2, state.name());
                p.setLong(3, now.toEpochMilli());
                p.setBoolean(4, state.isTerminal());
                p.setLong(5, now.toEpochMilli());
                p.setString(6, executionId);
                p.setString(7, jobId);
                requireOneRow(p.executeUpdate(), "execution", executionId);
            }
            return appendEvent(jobId, executionId, state.name(), message, now);
        });
    }

    @Override
    public synchronized JobEvent note(String jobId, String executionId, String message) {
        return inTransaction(() -> {
            String state;
            try (PreparedStatement p = connection.prepareStatement(executionId.isEmpty()
                    ? "SELECT state FROM jobs WHERE id = ?"
                    : "SELECT state FROM executions WHERE id = ? AND job_id = ?")) {
                p.setString(1, executionId.isEmpty() ? jobId : executionId);
                if (!executionId.isEmpty()) p.setString(2, jobId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new BacalhauException("no " + (executionId.isEmpty() ? "job " + jobId
                                : "execution " + executionId) + " in the job store");
                    }
                    state = rs.getString(1);
                }
            }
            return appendEvent(jobId, executionId, state, message, now());
        });
    }

    @Override
    public synchronized void saveExecutionResult(String jobId, ExecutionResult r) {
        inTransaction(() -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE executions SET exit_code = ?, stdout = ?, stdout_truncated = ?, stderr = ?,"
                            + " stderr_truncated = ?, failure_reason = ?, failure_message = ?, publisher = ?,"
                            + " location = ?, engine_detail = ? WHERE id = ? AND job_id = ?")) {
                p.setInt(1, r.exitCode());
                p.setBytes(2, r.stdoutBytes());
                p.setBoolean(3, r.stdoutTruncated());
                p.setBytes(4, r.stderrBytes());
                p.setBoolean(5, r.stderrTruncated());
                p.setString(6, r.failureReason());
                p.setString(7, r.failureMessage());
                p.setString(8, r.published().map(PublishedResult::publisherType).orElse(null));
                p.setString(9, r.published().map(x -> x.location().toString()).orElse(null));
                p.setString(10, r.engineDetail());
                p.setString(11, r.executionId());
                p.setString(12, jobId);
                requireOneRow(p.executeUpdate(), "execution", r.executionId());
            }
            return null;
        });
    }

    @Override
    public synchronized Optional<JobInfo> job(String jobId) {
        return query(() -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT id, spec, state, message, created_at, updated_at FROM jobs WHERE id = ?")) {
                p.setString(1, jobId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(jobInfo(rs)) : Optional.<JobInfo>empty();
                }
            }
        });
    }

    @Override
    public synchronized List<JobInfo> jobs() {
        return query(() -> {
            List<JobInfo> jobs = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT id, spec, state, message, created_at, updated_at FROM jobs"
                            + " ORDER BY created_at DESC, rowid DESC");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    jobs.add(jobInfo(rs));
                }
            }
            return jobs;
        });
    }

    @Override
    public synchronized List<JobEvent> events(String jobId) {
        return query(() -> {
            List<JobEvent> events = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT seq, execution_id, time, state, message FROM events WHERE job_id = ? ORDER BY seq")) {
                p.setString(1, jobId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        events.add(new JobEvent(rs.getLong(1), jobId, rs.getString(2),
                                Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return events;
        });
    }

    @Override
    public synchronized List<ExecutionResult> executions(String jobId) {
        return query(() -> {
            List<ExecutionResult> results = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT id, node_id, state, exit_code, stdout, stdout_truncated, stderr, stderr_truncated,"
                            + " failure_reason, failure_message, publisher, location, started_at, finished_at, engine_detail"
                            + " FROM executions WHERE job_id = ? ORDER BY ordinal")) {
                p.setString(1, jobId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String publisher = rs.getString(11);
                        Optional<PublishedResult> published = publisher == null
                                ? Optional.empty()
                                : Optional.of(new PublishedResult(publisher, URI.create(rs.getString(12))));
                        results.add(new ExecutionResult(rs.getString(1), rs.getString(2),
                                ExecutionState.valueOf(rs.getString(3)), rs.getInt(4), bytes(rs.getBytes(5)),
                                rs.getBoolean(6), bytes(rs.getBytes(7)), rs.getBoolean(8), rs.getString(9),
                                rs.getString(10), rs.getString(15), published, Instant.ofEpochMilli(rs.getLong(13)),
                                Instant.ofEpochMilli(rs.getLong(14))));
                    }
                }
            }
            return results;
        });
    }

    @Override
    public synchronized List<String> unfinishedJobs() {
        return query(() -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT id FROM jobs WHERE state NOT IN ('COMPLETED', 'FAILED', 'STOPPED')"
                            + " ORDER BY created_at, rowid");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new BacalhauException("cannot close the job store: " + e.getMessage(), e);
        }
    }

    private JobEvent appendEvent(String jobId, String executionId, String state, String message, Instant now)
            throws SQLException {
        long seq;
        try (PreparedStatement p = connection.prepareStatement(
                "UPDATE jobs SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq")) {
            p.setString(1, jobId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) throw new BacalhauException("no job " + jobId + " in the job store");
                seq = rs.getLong(1);
            }
        }
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO events(job_id, seq, execution_id, time, state, message) VALUES(?, ?, ?, ?, ?, ?)")) {
            p.setString(1, jobId);
            p.setLong(2, seq);
            p.setString(3, executionId);
            p.setLong(4, now.toEpochMilli());
            p.setString(5, state);
            p.setString(6, message);
            p.executeUpdate();
        }
        return new JobEvent(seq, jobId, executionId, now, state, message);
    }

    /** The clock's time at the precision stored, so an event announced equals the event read back. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static JobInfo jobInfo(ResultSet rs) throws SQLException {
        return new JobInfo(rs.getString(1), JobSpecs.readJson(rs.getString(2)),
                JobState.valueOf(rs.getString(3)), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)));
    }

    private static byte[] bytes(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    private static void requireOneRow(int updated, String what, String id) {
        if (updated != 1) throw new BacalhauException("no " + what + " " + id + " in the job store");
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(SqlWork<T> work) {
        ensureOpen();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new BacalhauException("job store write failed: " + StoreErrors.describe(e, file), e);
        }
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            // SQLite may already have rolled back (SQLITE_FULL does); the first error is the one to report
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            if (e instanceof SQLException sql) {
                throw new BacalhauException("job store write failed, nothing of it was saved: "
                        + StoreErrors.describe(sql, file), sql);
            }
            throw (RuntimeException) e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // it ends the empty transaction sqlite-jdbc begins after commit/rollback; it fails only
                // when SQLite already ended that one itself (as after SQLITE_FULL): nothing is left open
            }
        }
    }

    private <T> T query(SqlWork<T> work) {
        ensureOpen();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new BacalhauException("job store read failed: " + StoreErrors.describe(e, file), e);
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the job store is closed");
    }
}
