package io.kaquan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every route of the application (found by reflection over the compiled {@code io.kaquan} resources, so that a new route
 * cannot escape) is called with hostile values in its path, query and form parameters and bodies, as the owner of a
 * tenant and, for public routes, anonymously. Nothing may answer 5xx or show a stack trace, a script comes back escaped,
 * and a request refused at the edge (unreadable text) changes nothing.
 */
@QuarkusTest
class HostileInputTest {

    /** Refused at the edge: bytes as a client would send them (a lone surrogate is CESU-encoded). */
    private static final Map<String, byte[]> UNREADABLE = Map.of(
            "NUL", "a\0b".getBytes(StandardCharsets.UTF_8),
            "lone surrogate", new byte[] { 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b' },
            "C0 control", "a\u0001b".getBytes(StandardCharsets.UTF_8));

    private static final String XSS = "<script>alert(1)</script>";

    /** Readable but hostile: each must be answered without a 5xx. */
    private static final List<String> HOSTILE = List.of(XSS, "x".repeat(10_240), "+999999999-12-31",
            "-999999999-01-01", "2024-13-45", "/a b", "/t/x/cards?a b", "-1", "99999999999999999999",
            "-9223372036854775809", "9223372036854775807", "' or 1=1 --", "%zz", "../../etc/passwd");

    private static final List<String> PUBLIC_PREFIXES = List.of("/wechat/", "/sandbox/wechat/", "/sandbox/admin/",
            "/sandbox/static/");

    private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z0-9_]+)(:[^}]*)?}");

    static Session owner;
    static long tenant;
    static String cardId;
    static HttpClient http;

    @Inject
    DataSource dataSource;

    record Route(String method, String path, List<String> query, List<String> form, Body body, String name) {
    }

    enum Body {
        NONE,
        FORM,
        MULTIPART,
        RAW,
        JSON
    }

    @BeforeAll
    static void setUp() {
        owner = Session.login("alice");
        tenant = TestTenants.register(owner, "恶意输入");
        cardId = TestCards.create(tenant, "CASH");
        // HTTP/1.1, as browsers reach us through the TLS proxy (the edge reads no HTTP/2 body: see InputGuard)
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Request targets that Vert.x routes but {@link URI} cannot read, posted without a session as a form would be: the
     * expired-session handling must not answer 500 (java.net.http refuses to send them, hence a raw socket).
     */
    @Test
    void shouldAnswerFormPostsToUnreadableTargetsWithoutA5xx() throws IOException {
        URI app = Session.appUrl();
        for (String target : List.of("/t/1/cards|x", "/t/1/cards^x", "/t/1/cards{x}", "/t/1/cards%zz", "/%zz")) {
            try (java.net.Socket socket = new java.net.Socket(app.getHost(), app.getPort())) {
                socket.setSoTimeout(10_000);
                String request = "POST " + target + " HTTP/1.1\r\nHost: " + app.getHost() + ":" + app.getPort()
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n"
                        + "Connection: close\r\n\r\na=1";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                int status = Integer.parseInt(statusLine.substring(9, 12));
                assertTrue(status < 500, target + " answered " + statusLine);
            }
        }
    }

    @Test
    void shouldFindEveryRouteOfTheApplication() throws IOException {
        List<Route> routes = routes();
        List<String> names = routes.stream().map(Route::name).toList();
        assertTrue(routes.size() > 80, "only " + routes.size() + " routes found: " + names);
        for (String known : List.of("CardPages.edit", "EventPages.events", "LocalePages.switchLanguage",
                "CallbackEndpoint.push", "WizardPages.saveMultipart", "TenantPages.saveSettings")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(known)), known + " not among " + names);
        }
    }

    @Test
    void shouldRefuseUnreadableTextEverywhereWithA400AndChangeNothing() throws Exception {
        long audit = count("select count(*) from audit_log where tenant_id = ?");
        long cards = count("select count(*) from card where tenant_id = ?");
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (Map.Entry<String, byte[]> value : UNREADABLE.entrySet()) {
                for (HttpRequest request : requests(route, value.getValue(), true)) {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    boolean sandboxApi = route.path().startsWith("/sandbox/wechat/");
                    boolean refused = sandboxApi ? response.body().contains("\"errcode\":40035")
                            : response.statusCode() == 400;
                    if (!refused) {
                        failures.add(route.name() + " " + value.getKey() + " " + request.uri() + " → "
                                + response.statusCode());
                    }
                    checkNoLeak(route, request, response, failures);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(audit, count("select count(*) from audit_log where tenant_id = ?"), "audit log changed");
        assertEquals(cards, count("select count(*) from card where tenant_id = ?"), "cards changed");
    }

    @Test
    void shouldAnswerHostileValuesOnEveryRouteWithoutA5xx() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (String value : HOSTILE) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                List<HttpRequest> requests = new ArrayList<>(requests(route, bytes, true));
                if (PUBLIC_PREFIXES.stream().anyMatch(route.path()::startsWith)) {
                    requests.addAll(requests(route, bytes, false));
                }
                for (HttpRequest request : requests) {
                    HttpResponse<String> response;
                    try {
                        response = sendOnce(request);
                    } catch (IOException closed) {
                        // The HTTP server itself refuses a request line over quarkus.http.limits.max-initial-line-length
                        // (4 KB) before anything of ours runs; anything else closing the connection is a failure.
                        if (request.uri().toString().length() <= 4096) {
                            failures.add(route.name() + " " + clip(request.uri().toString()) + " → " + closed);
                        }
                        continue;
                    }
                    checkNoLeak(route, request, response, failures);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * After the server closed a connection (a request line over its limit), the client may pick that pooled connection
     * for a POST, which it does not retry by itself: one retry, on a fresh connection.
     */
    private static HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException stale) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void checkNoLeak(Route route, HttpRequest request, HttpResponse<String> response,
            List<String> failures) {
        String body = response.body();
        String where = route.name() + " " + request.method() + " " + clip(request.uri().toString()) + " → "
                + response.statusCode();
        if (response.statusCode() >= 500) {
            failures.add(where);
        } else if (body.contains("at io.") || body.contains("Exception")) {
            failures.add(where + " shows a stack trace");
        } else if (body.contains(XSS)) {
            failures.add(where + " echoes a script unescaped");
        }
    }

    /** Two requests: hostile path parameters with plain others, then plain path parameters with hostile others. */
    private List<HttpRequest> requests(Route route, byte[] value, boolean signedIn) {
        List<HttpRequest> requests = new ArrayList<>();
        if (TEMPLATE.matcher(route.path()).results().anyMatch(m -> !m.group(1).equals("tenant"))) {
            requests.add(request(route, value, true, signedIn));
        }
        requests.add(request(route, value, false, signedIn));
        return requests;
    }

    private HttpRequest request(Route route, byte[] value, boolean hostilePath, boolean signedIn) {
        String encoded = percentEncode(value);
        Matcher template = TEMPLATE.matcher(route.path());
        StringBuilder path = new StringBuilder();
        while (template.find()) {
            String name = template.group(1);
            String plain = switch (name) {
                case "tenant" -> String.valueOf(tenant);
                case "cardId" -> cardId;
                default -> "1";
            };
            template.appendReplacement(path, Matcher.quoteReplacement(
                    hostilePath && !name.equals("tenant") ? encoded : plain));
        }
        template.appendTail(path);
        List<String> names = new ArrayList<>(route.query());
        names.add("unexpected"); // an unknown parameter still travels through the edge
        String query = names.stream().map(q -> q + "=" + (hostilePath ? "1" : encoded))
                .collect(Collectors.joining("&"));
        URI uri = Session.appUrl().resolve(path.substring(1) + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Origin", Session.appUrl().toString().replaceAll("/$", ""))
                .header("Accept", "text/html");
        if (signedIn) {
            builder.header("Cookie", owner.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        byte[] field = hostilePath ? "1".getBytes(StandardCharsets.UTF_8) : value;
        if (route.method().equals(HttpMethod.GET) || route.method().equals(HttpMethod.HEAD)) {
            return builder.method(route.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return switch (route.body()) {
            case NONE, FORM -> builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString(route.form().stream()
                            .map(f -> f + "=" + percentEncode(field)).collect(Collectors.joining("&"))))
                    .build();
            case MULTIPART -> builder.header("Content-Type", "multipart/form-data; boundary=HOSTILE")
                    .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(multipart(field))).build();
            case JSON -> builder.header("Content-Type", "application/json")
                    .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(json(field))).build();
            case RAW -> builder.header("Content-Type", "text/xml")
                    .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(xml(field))).build();
        };
    }

    private static byte[] multipart(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : List.of("title", "notice", "description", "brand_name", "go")) {
            out.writeBytes(("--HOSTILE\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("--HOSTILE--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] json(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"appid\":\"".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value);
        out.writeBytes("\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] xml(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("<xml><ToUserName><![CDATA[".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value);
        out.writeBytes("]]></ToUserName><Event>x</Event></xml>".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String percentEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String clip(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    /** The resource methods of every io.kaquan class annotated with @Path (REST client interfaces excluded). */
    static List<Route> routes() throws IOException {
        Path classes = Paths.get("target/classes");
        List<Route> routes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("io/kaquan"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod != null) {
                        routes.add(route(type, root.value(), method, httpMethod));
                    }
                }
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static Route route(Class<?> type, String root, Method method, String httpMethod) {
        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
        String path = ("/" + root + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> query = new ArrayList<>();
        List<String> form = new ArrayList<>();
        Body body = Body.NONE;
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(RestQuery.class) || parameter.isAnnotationPresent(QueryParam.class)) {
                query.add(name(parameter.getName(), parameter.getAnnotation(RestQuery.class),
                        parameter.getAnnotation(QueryParam.class)));
            } else if (parameter.isAnnotationPresent(RestForm.class) || parameter.isAnnotationPresent(FormParam.class)) {
                form.add(name(parameter.getName(), parameter.getAnnotation(RestForm.class),
                        parameter.getAnnotation(FormParam.class)));
                body = Body.FORM;
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : allFields(parameter.getType())) {
                    if (field.isAnnotationPresent(RestForm.class) || field.isAnnotationPresent(FormParam.class)) {
                        form.add(name(field.getName(), field.getAnnotation(RestForm.class),
                                field.getAnnotation(FormParam.class)));
                        body = Body.FORM;
                    } else if (field.isAnnotationPresent(RestQuery.class)) {
                        query.add(name(field.getName(), field.getAnnotation(RestQuery.class), null));
                    }
                }
            } else if (parameter.getType() == MultipartFormDataInput.class) {
                body = Body.MULTIPART;
            } else if (parameter.getType() == jakarta.ws.rs.core.MultivaluedMap.class) {
                form.addAll(List.of("title", "notice", "description", "service_phone"));
                body = Body.FORM;
            } else if (parameter.getAnnotations().length == 0 && (parameter.getType() == String.class
                    || parameter.getType() == byte[].class || parameter.getType() == java.io.InputStream.class)) {
                body = Body.RAW;
            } else if (parameter.getAnnotations().length == 0 && parameter.getType().getName().startsWith("io.kaquan")) {
                body = Body.JSON;
            }
        }
        if (body == Body.NONE && !httpMethod.equals(HttpMethod.GET)) {
            form.add("value"); // an unknown field still travels through the edge
        }
        return new Route(httpMethod, path, query, form, body, type.getSimpleName() + "." + method.getName());
    }

    private static List<Field> allFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            fields.addAll(List.of(c.getDeclaredFields()));
        }
        return fields;
    }

    private static String name(String fallback, RestQuery restQuery, QueryParam queryParam) {
        String value = restQuery != null ? restQuery.value() : queryParam != null ? queryParam.value() : "";
        return value.isEmpty() ? fallback : value;
    }

    private static String name(String fallback, RestForm restForm, FormParam formParam) {
        String value = restForm != null ? restForm.value() : formParam != null ? formParam.value() : "";
        return value.isEmpty() ? fallback : value;
    }
}
