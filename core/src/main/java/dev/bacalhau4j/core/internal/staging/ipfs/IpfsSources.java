package dev.bacalhau4j.core.internal.staging.ipfs;

import dev.bacalhau4j.api.InputSource;
import dev.bacalhau4j.api.InvalidJobException;
import dev.bacalhau4j.api.IpfsSource;
import dev.bacalhau4j.api.Job;
import dev.bacalhau4j.api.FunctionEngine;
import dev.bacalhau4j.api.WasmEngine;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.IpfsPath;
import java.util.List;

/**
 * Checks the {@code ipfs} sources of a job when it is submitted, so a CID that does not parse is
 * refused with its field path before anything is queued or staged.
 */
public final class IpfsSources {
    private IpfsSources() {}

    /** The CID and path an {@code ipfs} source names; {@code where} is the input's field path. */
    public static IpfsPath parse(IpfsSource source, String where) {
        try {
            return IpfsPath.parse(source.cid());
        } catch (IpfsFormatException e) {
            throw new InvalidJobException(where + ".Source.Params.CID", e.getMessage());
        }
    }

    /** Throws {@link InvalidJobException} for the first {@code ipfs} source that does not parse. */
    public static void validate(Job job) {
        List<InputSource> inputs = job.task().inputSources();
        for (int i = 0; i < inputs.size(); i++) {
            check(inputs.get(i), "Tasks[0].InputSources[" + i + "]");
        }
        if (job.task().engine() instanceof WasmEngine wasm) {
            String where = "Tasks[0].Engine.Params.";
            check(wasm.entryModule(), where + "EntryModule");
            for (int i = 0; i < wasm.importModules().size(); i++) {
                check(wasm.importModules().get(i), where + "ImportModules[" + i + "]");
            }
        } else if (job.task().engine() instanceof FunctionEngine function) {
            check(function.source(), "Tasks[0].Engine.Params.Source");
        }
    }

    private static void check(InputSource input, String where) {
        if (input.source() instanceof IpfsSource ipfs) {
            parse(ipfs, where);
        }
    }
}
