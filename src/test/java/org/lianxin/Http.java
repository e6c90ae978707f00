package org.lianxin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client for tests over real HTTP: keeps cookies (the session), echoes the
 * XSRF-TOKEN cookie on writes as the front end does, and reads JSON answers.
 */
public final class Http {

    public static final String DEMO_PASSWORD = "Lianxin@2026";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: status and body (JSON when it is JSON, else null). */
    public record Response(int status, String text, JsonNode json) {

        public JsonNode get(String field) {
            return json == null ? null : json.get(field);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private final String base;
    private final CookieManager cookies;
    private final HttpClient client;
    private String language = "zh-CN";

    public Http(int port) {
        this(port, new CookieManager());
    }

    private Http(int port, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** The same browser (same cookies, so the same session) talking to another node. */
    public Http on(int otherPort) {
        return new Http(otherPort, cookies);
    }

    /** A client logged in as a demo account. */
    public static Http as(int port, String username) {
        Http http = new Http(port);
        Response login = http.login(username, DEMO_PASSWORD);
        if (login.status() != 200) {
            throw new IllegalStateException("demo login failed for " + username + ": " + login);
        }
        return http;
    }

    public Http language(String language) {
        this.language = language;
        return this;
    }

    public Response login(String username, String password) {
        return post("/api/v1/auth/login", JSON.createObjectNode().put("username", username).put("password", password));
    }

    public Response get(String path) {
        return send("GET", path, null, true);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, true);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, true);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, true);
    }

    /** A write without the CSRF header, as a forged cross-site request would arrive. */
    public Response postWithoutCsrf(String path, Object body) {
        return send("POST", path, body, false);
    }

    /** Raw text as the body, for malformed JSON. */
    public Response postRaw(String path, String raw) {
        return send("POST", path, new Raw(raw), true);
    }

    /** A binary answer (a PDF, a photo): status, content type and bytes. */
    public record Bytes(int status, String contentType, byte[] body) {
    }

    public Bytes getBytes(String path) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The session id as the database keeps it (the cookie carries it base64-encoded). */
    public String sessionId() {
        String cookie = cookie("SESSION");
        return cookie == null ? null : new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private record Raw(String text) {
    }

    /** A binary answer (a printed PDF): status, content type and the bytes as sent. */
    public record Download(int status, String contentType, String disposition, byte[] bytes) {
    }

    /** Uploads one file as multipart/form-data field {@code file}, with the CSRF header; answers as JSON. */
    public Response upload(String path, String fileName, byte[] content) {
        try {
            if (cookie("XSRF-TOKEN") == null) {
                client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/me")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            String boundary = "----lianxin" + System.nanoTime();
            var body = new java.io.ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                    .header("Accept-Language", language).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Response(response.statusCode(), text,
                    type.contains("json") && text != null && !text.isEmpty() ? JSON.readTree(text) : null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose answer is read as bytes, e.g. a PDF. */
    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept-Language", language).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, Object body, boolean csrf) {
        try {
            if (csrf && !"GET".equals(method) && cookie("XSRF-TOKEN") == null) {
                client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/me")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json").header("Accept-Language", language);
            String payload = body == null ? null
                    : body instanceof Raw raw ? raw.text() : body instanceof String s ? s : JSON.writeValueAsString(body);
            if (payload != null) {
                request.header("Content-Type", "application/json");
            }
            if (csrf && !"GET".equals(method) && cookie("XSRF-TOKEN") != null) {
                request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
            }
            request.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && text != null && !text.isEmpty()) {
                json = JSON.readTree(text);
            }
            return new Response(response.statusCode(), text, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
