package ru.wbassist.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Answers;
import ru.wbassist.api.Cabinets;
import ru.wbassist.api.ErrorBody;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.PerCabinet;
import ru.wbassist.api.Syncs;
import ru.wbassist.api.Users;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.server.TestServer;

/**
 * The OpenAPI document and the contract module agree: every route of the {@code api} module is documented and every
 * documented route is served; every record of the contract has a schema with exactly its JSON field names.
 */
class OpenApiContractTest {

    /** The contract's resource classes: their {@code PATH} is the mount point, the other strings its routes. */
    private static final List<Class<?>> RESOURCES = List.of(
            Users.class, Cabinets.class, Syncs.class, Insights.class, Notifications.class, Admin.class, Answers.class);

    private static TestServer server;
    private static Map<String, Object> document;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() throws Exception {
        server = TestServer.start(DatabaseConfig.Vendor.H2);
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/META-INF/openapi.yml")) {
            document = new Yaml().load(in);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyContractRouteIsDocumentedAndEveryDocumentedRouteIsServed() throws Exception {
        Set<String> documented = new TreeSet<>(paths().keySet());
        Set<String> contract = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String mount = (String) resource.getField("PATH").get(null);
            for (Field field : resource.getFields()) {
                if (field.getType() == String.class
                        && Modifier.isStatic(field.getModifiers())
                        && !field.getName().equals("PATH")) {
                    String route = (String) field.get(null);
                    if (route.startsWith("/")) {
                        contract.add(mount + route);
                    }
                }
            }
            // A mount point that serves its root documents it with the trailing slash.
            if (documented.contains(mount + "/")) {
                contract.add(mount + "/");
            }
        }
        assertThat(documented).as("documented routes").containsExactlyInAnyOrderElementsOf(contract);

        for (Map.Entry<String, Object> path : paths().entrySet()) {
            @SuppressWarnings("unchecked")
            Set<String> methods = ((Map<String, Object>) path.getValue()).keySet();
            String concrete = path.getKey().replaceAll("\\{[a-z_]+}", "1");
            for (String method : methods) {
                var answer = server.send(server.request(concrete)
                        .method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody())
                        .build());
                // A route that exists answers with its own errors; only an unrouted path says plain "Not Found".
                assertThat(answer.status()).as(method + " " + concrete).isNotEqualTo(405);
                // (a CSV export answers its file, not JSON: routed all the same)
                String message = answer.json() == null
                        ? ""
                        : answer.json().path("message").asText();
                assertThat(message).as(method + " " + concrete).isNotEqualTo("Not Found");
            }
        }
    }

    @Test
    void everyContractRecordHasASchemaWithItsFieldNames() {
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        Map<String, Set<String>> expected = new TreeMap<>();
        List<Class<?>> records = new ArrayList<>(List.of(ErrorBody.class, PerCabinet.class));
        for (Class<?> resource : RESOURCES) {
            for (Class<?> nested : resource.getDeclaredClasses()) {
                if (nested.isRecord()
                        && !nested.getSimpleName().equals("Registration")
                        && !nested.getSimpleName().equals("Connection")) {
                    records.add(nested);
                }
            }
        }
        records.add(Notifications.TestPreview.Warning.class);
        for (Class<?> record : records) {
            assertThat(expected).as("schema names must be unique").doesNotContainKey(record.getSimpleName());
            expected.put(record.getSimpleName(), fieldNames(record));
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        schemas.forEach((name, schema) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) schema).get("properties");
            if (expected.containsKey(name)) {
                actual.put(name, properties == null ? Set.of() : new LinkedHashSet<>(properties.keySet()));
            }
        });
        assertThat(actual).isEqualTo(expected);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paths() {
        return (Map<String, Object>) document.get("paths");
    }

    /** The JSON names of a record's components: snake_case unless {@link JsonProperty} says otherwise. */
    private static Set<String> fieldNames(Class<?> record) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            if (property == null) {
                property = component.getAnnotation(JsonProperty.class);
            }
            names.add(
                    property != null
                            ? property.value()
                            : new PropertyNamingStrategies.SnakeCaseStrategy().translate(component.getName()));
        }
        return names;
    }
}
