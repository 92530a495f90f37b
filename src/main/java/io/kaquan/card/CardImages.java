package io.kaquan.card;

/** What WeChat takes as a card picture (media/uploadimg): JPG or PNG, at most 1 MB. */
public final class CardImages {

    public static final int MAX_BYTES = 1024 * 1024;

    /** Why a picture is refused. */
    public enum Problem {
        NOT_JPEG_OR_PNG,
        TOO_LARGE
    }

    private CardImages() {
    }

    /** Judged by the first bytes, not by the name or type the browser claims; null when the picture will do. */
    public static Problem problem(byte[] b) {
        boolean jpg = b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
        boolean png = b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        if (!jpg && !png) {
            return Problem.NOT_JPEG_OR_PNG;
        }
        return b.length > MAX_BYTES ? Problem.TOO_LARGE : null;
    }
}
