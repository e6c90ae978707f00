import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The import benchmark's client (JDK only, run as {@code java bench/ImportBench.java}): writes a member roster as an
 * .xlsx file (streamed, inline strings, spread evenly over the given communities), logs in, uploads it to
 * {@code POST /api/v1/members/imports}, polls {@code GET /api/v1/import-jobs/{id}} every 500 ms while sampling the
 * server's resident memory from /proc, and prints one JSON line.
 *
 * <pre>java bench/ImportBench.java URL USER PASSWORD COMMUNITIES_FILE ROWS FIRST_ID NAME SERVER_PID [BASELINE_JSON]</pre>
 * FIRST_ID makes the ID numbers of one file distinct from another's (0 for the first file, 100000 for the next…).
 */
public class ImportBench {

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "梁"};
    static final String[] GIVEN = {"建国", "秀英", "志强", "丽华", "明", "美玲", "伟", "芳", "海燕", "国华", "立新", "红梅", "小军", "春兰", "德明", "淑珍"};
    static final String[] EMPLOYMENT = {"在职", "退休", "退休", "灵活就业", "学生", "其他"};
    static final String[] SKILLS = {"法律", "医疗", "教育", "水电维修", "驾驶", "摄影", "", "", ""};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        String password = args[2];
        List<String> communities = Files.readAllLines(Path.of(args[3])).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        int rows = Integer.parseInt(args[4]);
        int firstId = Integer.parseInt(args[5]);
        String name = args[6];
        long pid = Long.parseLong(args[7]);
        String baseline = args.length > 8 ? args[8] : null;

        Path file = Files.createTempFile("bench-import-", ".xlsx");
        long t0 = System.nanoTime();
        write(file, rows, firstId, communities);
        long writeMs = (System.nanoTime() - t0) / 1_000_000;
        long bytes = Files.size(file);

        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/me")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
        }
        client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/me")).build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();

        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + ".xlsx\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = Files.readAllBytes(file);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);

        long rssBefore = rss(pid, "VmRSS");
        long started = System.nanoTime();
        HttpResponse<String> upload = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/members/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-XSRF-TOKEN", xsrf)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long acceptedMs = (System.nanoTime() - started) / 1_000_000;
        if (upload.statusCode() != 202) {
            throw new IllegalStateException("upload failed: " + upload.statusCode() + " " + upload.body());
        }
        long jobId = number(upload.body(), "id");
        long peakRss = rssBefore;
        String job;
        long lastPrint = 0;
        while (true) {
            Thread.sleep(500);
            peakRss = Math.max(peakRss, rss(pid, "VmRSS"));
            job = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/import-jobs/" + jobId))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
            String state = text(job, "state");
            long now = System.nanoTime();
            if (now - lastPrint > 5_000_000_000L) {
                System.err.printf(Locale.ROOT, "  %s: %s %d/%d lines (%.0f s)%n", name, state, number(job, "processed"),
                        number(job, "total"), (now - started) / 1e9);
                lastPrint = now;
            }
            if (state.equals("DONE") || state.equals("FAILED")) {
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long imported = number(job, "imported");
        double perRowMs = seconds * 1000 / rows;
        String ratio = "";
        if (baseline != null) {
            Matcher m = Pattern.compile("\"per_row_ms\":([0-9.]+)").matcher(baseline);
            if (m.find()) {
                ratio = String.format(Locale.ROOT, ",\"baseline\":%s,\"ratio_per_row\":%.2f", baseline.strip(),
                        perRowMs / Double.parseDouble(m.group(1)));
            }
        }
        System.out.printf(Locale.ROOT, "{\"name\":\"%s\",\"state\":\"%s\",\"rows\":%d,\"file_bytes\":%d,\"write_file_ms\":%d,"
                        + "\"accepted_ms\":%d,\"seconds\":%.1f,\"rows_per_s\":%.0f,\"per_row_ms\":%.3f,\"imported\":%d,"
                        + "\"skipped\":%d,\"rejected\":%d,\"rss_before_mib\":%d,\"rss_peak_mib\":%d,\"rss_hwm_mib\":%d,"
                        + "\"heap_max_mib\":512%s}%n",
                name, text(job, "state"), rows, bytes, writeMs, acceptedMs, seconds, rows / seconds, perRowMs, imported,
                number(job, "skipped"), number(job, "rejected"), rssBefore / 1024, peakRss / 1024, rss(pid, "VmHWM") / 1024, ratio);
        Files.deleteIfExists(file);
    }

    /** The roster: name, ID number (valid check character), phone, community, employment, joined on, skills. */
    static void write(Path file, int rows, int firstId, List<String> communities) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"党员\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            row(w, 1, List.of("姓名*", "身份证号*", "手机号", "所在社区*", "就业状态", "入党日期", "技能特长"));
            java.util.Random random = new java.util.Random(42 + firstId);
            for (int i = 0; i < rows; i++) {
                int n = firstId + i;
                LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(n / 500);
                String first17 = "440103" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                        + String.format(Locale.ROOT, "%03d", n % 500 * 2 + 1);
                String id = first17 + check(first17);
                List<String> cells = new ArrayList<>();
                cells.add(SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]);
                cells.add(id);
                cells.add("13" + (5 + random.nextInt(5)) + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)));
                cells.add(communities.get(i % communities.size()));
                cells.add(EMPLOYMENT[random.nextInt(EMPLOYMENT.length)]);
                cells.add(LocalDate.of(1970 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
                cells.add(SKILLS[random.nextInt(SKILLS.length)]);
                row(w, i + 2, cells);
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            zip.closeEntry();
        }
    }

    static void row(Writer w, int number, List<String> cells) throws IOException {
        w.write("<row r=\"" + number + "\">");
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c).isEmpty()) {
                continue;
            }
            w.write("<c r=\"" + (char) ('A' + c) + number + "\" t=\"inlineStr\"><is><t>" + cells.get(c) + "</t></is></c>");
        }
        w.write("</row>");
    }

    static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static char check(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    static long rss(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9]+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }
}
