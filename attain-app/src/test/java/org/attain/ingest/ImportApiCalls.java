package org.attain.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.attain.support.Json;
import org.attain.support.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * A comp admin's integration importing through the real REST API: uploads a profile and a file,
 * follows the import until it is done, reads its quarantine. The example profiles can be given a
 * source of their own so one test's rows never meet another's.
 */
public final class ImportApiCalls {

    static final Path EXAMPLES = Path.of("../examples/imports");

    private final String base;
    private final String token;
    private final HttpClient client = HttpClient.newHttpClient();

    public ImportApiCalls(String base, WebSession admin) {
        this.base = base;
        var created =
                admin.sendJson("POST", "/api/v1/tokens", "{\"name\":\"imports\",\"scopes\":[\"read\",\"write\"]}");
        this.token = Json.parse(created.body()).get("secret").asString();
    }

    /** A finished import: its counts, its quarantined problems flattened as "row | column | value | reason | suggestion". */
    public record Done(long id, String summary, JsonNode record, List<String> problems) {}

    public static String example(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example profile with its source line replaced by a fresh one. */
    public static String withFreshSource(String profileYaml, String source) {
        return profileYaml.replaceFirst("(?m)^source: .*$", "source: " + source);
    }

    public static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Done load(String profileYaml, String fileName, String csv) {
        return load(profileYaml, fileName, csv, false);
    }

    public Done load(String profileYaml, String fileName, String csv, boolean dryRun) {
        return load(profileYaml, fileName, csv.getBytes(StandardCharsets.UTF_8), dryRun);
    }

    public Done load(String profileYaml, String fileName, byte[] file, boolean dryRun) {
        var started = start(profileYaml, fileName, file, dryRun);
        if (started.statusCode() != 202) {
            throw new AssertionError("import not started: " + started.statusCode() + " " + started.body());
        }
        return await(Json.parse(started.body()).get("id").asLong());
    }

    /** Posts a profile and a file as the multipart upload a client sends; the answer as it comes. */
    HttpResponse<String> start(String profileYaml, String fileName, byte[] file, boolean dryRun) {
        String boundary = "----attain" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(
                (part(boundary, "profile", "profile.yaml") + profileYaml + "\r\n" + part(boundary, "file", fileName))
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports" + (dryRun ? "?dryRun=true" : "")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Done await(long id) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonNode status = Json.parse(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id))
                            .GET())
                    .body());
            String phase = status.get("phase").asString();
            JsonNode r = status.get("result");
            boolean finished = r != null && !r.isNull();
            if (phase.equals("FAILED") && !finished) {
                throw new AssertionError("import " + id + " failed: " + status);
            }
            // DONE without a result: saved, but the recalculation it asked for still runs
            if (finished && "FAILED".equals(text(r.get("status")))) {
                throw new AssertionError("import " + id + " failed: " + status);
            }
            if (finished) {
                return new Done(
                        id,
                        "accepted="
                                + (r.get("inserted").asLong() + r.get("updated").asLong()) + " rejected="
                                + r.get("rejected").asLong() + " unchanged="
                                + r.get("unchanged").asLong(),
                        r,
                        problems(id));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("import " + id + " still running: " + status);
            }
            sleep();
        }
    }

    JsonNode quarantine(long id) {
        return Json.parse(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id + "/quarantine"))
                        .GET())
                .body());
    }

    HttpResponse<String> fix(long importId, long rowId, String cellsJson) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + importId + "/quarantine/" + rowId))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"cells\":" + cellsJson + "}")));
    }

    Done replay(long importId) {
        var started = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + importId + "/replay"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (started.statusCode() != 202) {
            throw new AssertionError("replay not started: " + started.statusCode() + " " + started.body());
        }
        return await(Json.parse(started.body()).get("id").asLong());
    }

    public HttpResponse<String> postJson(String path, String json, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    private List<String> problems(long id) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : quarantine(id)) {
            for (JsonNode p : row.get("problems")) {
                JsonNode s = p.get("suggestion");
                out.add(row.get("rowNumber").asLong() + " | " + text(p.get("column")) + " | " + text(p.get("value"))
                        + " | " + text(p.get("reason")) + (s == null || s.isNull() ? "" : " | " + s.asString()));
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asString();
    }

    private static String part(String boundary, String name, String fileName) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(
                    b.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
