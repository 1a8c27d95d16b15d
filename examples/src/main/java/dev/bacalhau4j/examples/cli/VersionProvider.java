package dev.bacalhau4j.examples.cli;

import dev.bacalhau4j.core.Bacalhau;
import picocli.CommandLine.IVersionProvider;

/** {@code bacalhau4j --version}: the version in the jar's manifest, else "development". */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Bacalhau.class.getPackage().getImplementationVersion();
        return new String[] {"bacalhau4j " + (v == null ? "(development build)" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
