package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WbSandboxMainTest {

    @Test
    void theCliStartsTheSandboxAndWritesTheDemoTokenForItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("wb-demo.token");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WbSandbox sandbox = WbSandboxMain.launch(
                        new String[] {
                            "--port",
                            "0",
                            "--seed",
                            "5",
                            "--history-days",
                            "3",
                            "--relaxed-limits",
                            "--fault-5xx",
                            "0.5",
                            "--demo-token-file",
                            tokenFile.toString()
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8))
                .orElseThrow()) {
            assertThat(Files.getPosixFilePermissions(tokenFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            String token = Files.readString(tokenFile).strip();
            assertThat(sandbox.sellers())
                    .singleElement()
                    .satisfies(seller -> assertThat(seller.name()).isEqualTo("Демо-магазин"))
                    // the demo's shop shows runway alerts and price changes within minutes (ShowcaseTest)
                    .satisfies(seller ->
                            assertThat(sandbox.simulator(seller).sellingDown()).isNotNull());
            assertThat(sandbox.relaxedLimits()).isTrue();
            assertThat(sandbox.faults().current().share5xx()).isEqualTo(0.5);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains(sandbox.baseUrl(), tokenFile.toString())
                    .doesNotContain(token);
            sandbox.faults().clear();
            assertThat(new WbHttp(sandbox.baseUrl()).get("/ping", token).statusCode())
                    .isEqualTo(200);
            // the demo key has the Prices category too, so the demo shows price watch
            assertThat(new WbHttp(sandbox.baseUrl())
                            .get("/api/v2/quarantine/goods?limit=10", token)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void badOptionsAreRefused() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WbSandboxMain.launch(new String[] {"--bogus"}, quiet))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> WbSandboxMain.launch(new String[] {"--port"}, quiet))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> WbSandboxMain.launch(new String[] {"--fault-429", "3", "--port", "0"}, quiet))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WbSandboxMain.launch(new String[] {"--help"}, quiet)).isEmpty();
    }
}
