package ru.wbassist.emulators.wb;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Generates a plausible, seed-determined assortment of product cards for one shop. */
final class CatalogGenerator {

    private record Subject(
            long id,
            String name,
            String category,
            String noun,
            List<String> adjectives,
            List<String> sizes,
            int minPrice,
            int maxPrice) {}

    private static final List<String> CLOTHES = List.of("XS", "S", "M", "L", "XL", "XXL");
    private static final List<String> RU_SIZES = List.of("42", "44", "46", "48", "50", "52");
    private static final List<String> SHOES = List.of("36", "37", "38", "39", "40", "41", "42");
    private static final List<String> NO_SIZE = List.of("0");

    private static final List<Subject> SUBJECTS = List.of(
            new Subject(
                    192,
                    "Футболки",
                    "Одежда",
                    "Футболка",
                    List.of("оверсайз хлопковая", "базовая", "с принтом", "спортивная"),
                    CLOTHES,
                    590,
                    1990),
            new Subject(
                    1724,
                    "Худи",
                    "Одежда",
                    "Худи",
                    List.of("утепленное", "оверсайз", "с капюшоном на флисе"),
                    CLOTHES,
                    1990,
                    4990),
            new Subject(
                    69,
                    "Платья",
                    "Одежда",
                    "Платье",
                    List.of("летнее миди", "вечернее", "трикотажное", "в горошек"),
                    RU_SIZES,
                    1490,
                    5990),
            new Subject(
                    180,
                    "Джинсы",
                    "Одежда",
                    "Джинсы",
                    List.of("прямые", "широкие", "скинни с высокой посадкой"),
                    RU_SIZES,
                    1790,
                    4590),
            new Subject(
                    105,
                    "Кроссовки",
                    "Обувь",
                    "Кроссовки",
                    List.of("беговые", "повседневные", "на толстой подошве"),
                    SHOES,
                    2490,
                    7990),
            new Subject(
                    2271,
                    "Постельное белье",
                    "Дом",
                    "Комплект постельного белья",
                    List.of("сатин евро", "перкаль 2-спальный", "поплин 1,5-спальный"),
                    NO_SIZE,
                    1990,
                    6490),
            new Subject(
                    1429,
                    "Полотенца",
                    "Дом",
                    "Полотенце банное",
                    List.of("махровое", "вафельное", "из бамбука"),
                    NO_SIZE,
                    390,
                    1490),
            new Subject(
                    2733,
                    "Кружки",
                    "Дом",
                    "Кружка",
                    List.of("керамическая", "термо с крышкой", "с надписью"),
                    NO_SIZE,
                    290,
                    990),
            new Subject(
                    1376,
                    "Кремы",
                    "Красота",
                    "Крем для лица",
                    List.of("увлажняющий", "ночной восстанавливающий", "с SPF 30"),
                    NO_SIZE,
                    390,
                    1890),
            new Subject(
                    2310,
                    "Шампуни",
                    "Красота",
                    "Шампунь",
                    List.of("для объема", "бессульфатный", "против перхоти"),
                    NO_SIZE,
                    290,
                    1290),
            new Subject(
                    50,
                    "Сумки",
                    "Аксессуары",
                    "Сумка",
                    List.of("шоппер", "кросс-боди из экокожи", "поясная"),
                    NO_SIZE,
                    990,
                    3990),
            new Subject(
                    3979,
                    "Наушники",
                    "Электроника",
                    "Наушники беспроводные",
                    List.of("вкладыши", "накладные", "с шумоподавлением"),
                    NO_SIZE,
                    990,
                    5990),
            new Subject(
                    5067,
                    "Зарядные устройства",
                    "Электроника",
                    "Зарядное устройство",
                    List.of("быстрое 20W", "USB-C 65W", "беспроводное"),
                    NO_SIZE,
                    490,
                    2490));

    private static final List<String> COLORS = List.of(
            "черный", "белый", "бежевый", "серый", "синий", "зеленый", "розовый", "бордовый", "хаки", "голубой");
    private static final List<String> BRANDS = List.of(
            "Северный ветер",
            "Лесная сказка",
            "Urban Fox",
            "Матрёшка Home",
            "Волжский текстиль",
            "Soft Line",
            "Байкал",
            "NordicWay",
            "Уютный дом",
            "Top Style");
    private static final List<String> COUNTRIES = List.of("Россия", "Китай", "Турция", "Узбекистан", "Беларусь");

    private final Random random;
    private final Set<Long> usedIds = new HashSet<>();

    CatalogGenerator(Random random) {
        this.random = random;
    }

    /** The brands this shop sells (its first one doubles as the seller's trade mark). */
    List<String> pickBrands() {
        List<String> shuffled = new ArrayList<>(BRANDS);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 2 + random.nextInt(2)));
    }

    List<Product> generate(List<String> brands, Instant historyStart, Instant now) {
        int count = 20 + random.nextInt(41);
        List<Subject> shopSubjects = new ArrayList<>(SUBJECTS);
        Collections.shuffle(shopSubjects, random);
        shopSubjects = shopSubjects.subList(0, 3 + random.nextInt(4));
        List<Product> products = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Every twelfth card has no photos yet: that is what makes WB's withPhoto=0 default visible to a client.
            boolean withPhotos = i % 12 != 5;
            products.add(product(
                    shopSubjects.get(random.nextInt(shopSubjects.size())),
                    brands.get(random.nextInt(brands.size())),
                    withPhotos,
                    historyStart,
                    now));
        }
        return products;
    }

    private Product product(Subject subject, String brand, boolean withPhotos, Instant historyStart, Instant now) {
        long nmId = uniqueId(100_000_000L, 400_000_000L);
        long imtId = uniqueId(50_000_000L, 300_000_000L);
        String color = COLORS.get(random.nextInt(COLORS.size()));
        String adjective =
                subject.adjectives().get(random.nextInt(subject.adjectives().size()));
        String title = subject.noun() + " " + adjective + ", " + color;
        String vendorCode = brandCode(brand) + "-" + (1000 + random.nextInt(9000)) + "-"
                + Transliteration.latin(color).toLowerCase().substring(0, 3);
        int price = roundTo10(subject.minPrice() + random.nextInt(subject.maxPrice() - subject.minPrice() + 1));
        int discount = 10 + random.nextInt(11) * 5;
        List<Product.Size> sizes = sizes(subject);
        List<Product.Photo> photos = withPhotos ? photos(nmId, 1 + random.nextInt(5)) : List.of();
        Instant createdAt = historyStart
                .minus(Duration.ofMinutes(60L * 24 * 10 + random.nextInt(60 * 24 * 400)))
                .truncatedTo(ChronoUnit.MICROS)
                .plusNanos(random.nextInt(1_000_000) * 1000L);
        long spanSeconds = Math.max(1, Duration.between(createdAt, now).toSeconds());
        Instant updatedAt = createdAt
                .plusSeconds((long) (random.nextDouble() * spanSeconds))
                .truncatedTo(ChronoUnit.MICROS);
        String description = title + ". Бренд " + brand + ". Страна производства: "
                + COUNTRIES.get(random.nextInt(COUNTRIES.size())) + ". Уход и подробности — в характеристиках.";
        return new Product(
                nmId,
                imtId,
                uuid(),
                title,
                vendorCode,
                brand,
                subject.id(),
                subject.name(),
                subject.category(),
                color,
                description,
                price,
                discount,
                uniqueId(10_000_000L, 90_000_000L),
                sizes,
                photos,
                createdAt,
                updatedAt);
    }

    private List<Product.Size> sizes(Subject subject) {
        List<String> labels = subject.sizes();
        int first = labels.size() == 1 ? 0 : random.nextInt(2);
        int last = labels.size() == 1 ? 1 : labels.size() - random.nextInt(2);
        List<Product.Size> sizes = new ArrayList<>();
        for (String label : labels.subList(first, last)) {
            String barcode = "20" + String.format("%011d", uniqueId(1_000_000_000L, 99_999_999_999L));
            sizes.add(new Product.Size(
                    uniqueId(100_000_000L, 900_000_000L), label, label.equals("0") ? "" : label, barcode));
        }
        return sizes;
    }

    /** WB serves card photos from basket hosts keyed by the article's volume and part. */
    static List<Product.Photo> photos(long nmId, int count) {
        long vol = nmId / 100_000;
        long part = nmId / 1_000;
        String base =
                "https://basket-%02d.wbbasket.ru/vol%d/part%d/%d/images/".formatted(1 + vol % 30, vol, part, nmId);
        List<Product.Photo> photos = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            photos.add(new Product.Photo(
                    base + "big/" + i + ".webp",
                    base + "c246x328/" + i + ".webp",
                    base + "c516x688/" + i + ".webp",
                    base + "square/" + i + ".webp",
                    base + "tm/" + i + ".webp"));
        }
        return photos;
    }

    UUID seededUuid() {
        return new UUID(
                (random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
    }

    private String uuid() {
        return seededUuid().toString();
    }

    private long uniqueId(long from, long to) {
        long id;
        do {
            id = from + (long) (random.nextDouble() * (to - from));
        } while (!usedIds.add(id));
        return id;
    }

    private static String brandCode(String brand) {
        StringBuilder code = new StringBuilder();
        for (String word : brand.split("[ -]")) {
            code.append(Character.toUpperCase(word.charAt(0)));
        }
        return Transliteration.latin(code.toString());
    }

    private static int roundTo10(int value) {
        return value / 10 * 10;
    }
}
