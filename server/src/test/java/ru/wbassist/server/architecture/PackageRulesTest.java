package ru.wbassist.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.wbassist.server.App;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.Json;

/** The server's package rules (README "Architecture"), checked on the compiled classes so they stay true. */
class PackageRulesTest {

    private static JavaClasses server;

    @BeforeAll
    static void importClasses() {
        server = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ru.wbassist.server");
    }

    @Test
    void featurePackagesDoNotDependOnEachOtherInCircles() {
        slices().matching("ru.wbassist.server.(*)..").should().beFreeOfCycles().check(server);
    }

    @Test
    void onlyTheHttpLayerSpeaksHttpStatuses() {
        // ApiException carries an HTTP status: it belongs to http, the services and the helpers reading a request.
        noClasses()
                .that(notHttpLayer())
                .should()
                .dependOnClassesThat()
                .areAssignableTo(ApiException.class)
                .check(server);
    }

    @Test
    void syncWbEventsAndTimeKnowNothingOfHttpButTheirService() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..server.wb..", "..server.sync..", "..server.events..", "..server.time..", "..server.config..")
                .and()
                .doNotImplement(HttpService.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..server.http..")
                .check(server);
    }

    @Test
    void storedEventsAreNotWrittenWithTheApisJsonMapper() {
        noClasses()
                .that()
                .resideInAPackage("..server.events..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Json.class)
                .check(server);
    }

    @Test
    void onlyAppWiresTheFeatures() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(App.class, ru.wbassist.server.Main.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(App.class)
                .check(server);
    }

    private static DescribedPredicate<JavaClass> notHttpLayer() {
        return DescribedPredicate.describe(
                "are outside the HTTP layer (http package, HttpServices, request readers)",
                type -> !type.getPackageName().endsWith(".server.http")
                        && !type.isAssignableTo(HttpService.class)
                        && !readsARequest(type)
                        && !isNestedInHttpLayer(type));
    }

    private static boolean readsARequest(JavaClass type) {
        return type.getMethods().stream()
                .anyMatch(m -> m.getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(ServerRequest.class)));
    }

    /** Lambdas and nested classes of a service or request reader belong to it. */
    private static boolean isNestedInHttpLayer(JavaClass type) {
        return type.getEnclosingClass()
                .map(outer -> outer.isAssignableTo(HttpService.class) || readsARequest(outer))
                .orElse(false);
    }
}
