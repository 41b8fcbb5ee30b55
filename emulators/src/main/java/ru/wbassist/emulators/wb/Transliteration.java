package ru.wbassist.emulators.wb;

/** Latin letters for Cyrillic brand initials: vendor codes are ASCII, as sellers usually make them. */
final class Transliteration {

    private static final String CYRILLIC = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
    private static final String[] LATIN = {
        "A", "B", "V", "G", "D", "E", "E", "ZH", "Z", "I", "Y", "K", "L", "M", "N", "O", "P", "R", "S", "T", "U", "F",
        "H", "C", "CH", "SH", "SCH", "", "Y", "", "E", "YU", "YA"
    };

    private Transliteration() {}

    static String latin(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            int index = CYRILLIC.indexOf(Character.toUpperCase(c));
            out.append(index >= 0 ? LATIN[index] : String.valueOf(c));
        }
        return out.toString();
    }
}
