package ru.wbassist.emulators.wb;

import java.io.IOException;

/** A WB method: runs after the gateway has authenticated the caller and charged its rate limit. */
@FunctionalInterface
interface WbRoute {
    void handle(Call call, SandboxSeller seller) throws IOException;
}
