package io.kaquan.web;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The one QR encoder of the application: a text's modules (ZXing, level M, UTF-8) with the standard quiet zone,
 * drawn as a black-and-white PNG for downloads and images, or as inline SVG for a page. The PNG is written here (1 bit
 * per pixel, deflated) rather than through java.awt, which a native image and a headless server do without.
 */
public final class QrCode {

    /** The quiet zone around the code, in modules (the QR standard asks for 4). */
    static final int QUIET_ZONE = 4;

    private final BitMatrix matrix;

    private QrCode(BitMatrix matrix) {
        this.matrix = matrix;
    }

    /** @throws IllegalArgumentException for a text too long for a QR code */
    public static QrCode of(String text) {
        try {
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name())));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot draw a QR code of " + text.length() + " characters", e);
        }
    }

    /** Modules across, the quiet zone included. */
    public int modules() {
        return matrix.getWidth() + 2 * QUIET_ZONE;
    }

    /** Whether the module at (x, y), counted from the quiet zone's corner, is dark. */
    public boolean dark(int x, int y) {
        int mx = x - QUIET_ZONE;
        int my = y - QUIET_ZONE;
        return mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my);
    }

    /**
     * @param pixels the wanted width and height; the image is the largest whole number of pixels per module that
     *        fits, at least one
     */
    public byte[] png(int pixels) {
        int modules = modules();
        int scale = Math.max(1, pixels / modules);
        int size = modules * scale;
        int rowBytes = (size + 7) / 8;
        byte[] raw = new byte[(rowBytes + 1) * size];
        for (int y = 0; y < size; y++) {
            int row = y * (rowBytes + 1); // raw[row] = 0: filter type None
            for (int x = 0; x < size; x++) {
                if (!dark(x / scale, y / scale)) { // grayscale 1 bit: 1 is white
                    raw[row + 1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return png(size, raw);
    }

    /** Inline SVG (one path, no script, no image request) shown {@code pixels} wide. */
    public String svg(int pixels) {
        int modules = modules();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                if (dark(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + modules + " " + modules + "\" width=\""
                + pixels + "\" height=\"" + pixels + "\" shape-rendering=\"crispEdges\" role=\"img\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static byte[] png(int size, byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(size);
            h.writeInt(size);
            h.writeByte(1); // bit depth
            h.writeByte(0); // grayscale
            h.writeByte(0); // deflate
            h.writeByte(0); // adaptive filtering
            h.writeByte(0); // no interlace
            chunk(out, "IHDR", header.toByteArray());
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(data, new Deflater(9))) {
                deflate.write(raw);
            }
            chunk(out, "IDAT", data.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
