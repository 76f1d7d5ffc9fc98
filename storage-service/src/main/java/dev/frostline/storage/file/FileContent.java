package dev.frostline.storage.file;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The rules for an uploaded file's bytes and content type. */
public final class FileContent {

    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final int MAX_CONTENT_TYPE_LENGTH = 255;

    private FileContent() {
    }

    public static void checkSize(byte[] content, long maxBytes) {
        if (content == null || content.length == 0) {
            throw ProblemException.validation("The request body is empty; send the file's bytes as the body.");
        }
        if (content.length > maxBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The file has " + content.length + " bytes; the limit is " + maxBytes + " bytes.");
        }
    }

    /** The content type to store: the client's, or octet-stream when it sent none. */
    public static String contentType(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT_CONTENT_TYPE;
        }
        String type = header.strip();
        if (type.length() > MAX_CONTENT_TYPE_LENGTH || type.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw ProblemException.validation("The Content-Type header is not a valid media type.");
        }
        return type;
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
