package ru.wbassist.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.Versioned;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The libraries that parse untrusted input stay out of known-vulnerable ranges (docs/operations.md "Versions"). */
class DependencyVersionsTest {

    /** Jackson's 2026 CVEs are fixed from 2.21.6 (Version.compareTo would compare artifact ids first). */
    private static final Comparator<Version> BY_NUMBER = Comparator.comparingInt(Version::getMajorVersion)
            .thenComparingInt(Version::getMinorVersion)
            .thenComparingInt(Version::getPatchLevel);

    private static final Version FIRST_FIXED_JACKSON = new Version(2, 21, 6, null, null, null);

    @Test
    void everyJacksonModuleOnTheClassPathIsAtLeastTheFixedRelease() {
        List<Versioned> modules = List.of(
                new com.fasterxml.jackson.core.json.PackageVersion(),
                new com.fasterxml.jackson.databind.cfg.PackageVersion(),
                new com.fasterxml.jackson.datatype.jsr310.PackageVersion());
        for (Versioned module : modules) {
            Version version = module.version();
            assertThat(BY_NUMBER.compare(version, FIRST_FIXED_JACKSON))
                    .as("%s %s", version.getArtifactId(), version)
                    .isGreaterThanOrEqualTo(0);
        }
    }
}
