package dev.bacalhau4j.ipfs.fuse;

import java.nio.file.Path;

/**
 * A child JVM for tests: mounts {@code args[0]} on {@code args[1]}, prints {@code MOUNTED} and
 * serves until it is killed (the crash that leaves a stale mount) or stdin closes; with
 * {@code args[2] = exit} it reads one line of stdin and exits without closing the mount.
 */
public final class FuseMountMain {
    private FuseMountMain() {
    }

    public static void main(String[] args) throws Exception {
        FuseMount mount = FuseMount.mount(Path.of(args[0]), Path.of(args[1]));
        System.out.println("MOUNTED " + mount.mountPoint());
        System.out.flush();
        if (args.length > 2 && args[2].equals("exit")) {
            System.in.read();
            System.exit(0); // no close(): the shutdown hook must unmount
        }
        while (System.in.read() >= 0) {
            // serve until stdin closes
        }
        mount.close();
        System.out.println("CLOSED");
    }
}
