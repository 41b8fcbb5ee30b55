package ru.wbassist.bot.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.bot.i18n.Texts;

/** Draws orders and buyouts per day as a PNG bar chart with java.awt (headless: no display needed). */
public final class SalesChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final Color ORDERS = new Color(0x8E44AD);
    private static final Color BUYOUTS = new Color(0x27AE60);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private SalesChart() {}

    /** The /analytics chart of a cabinet's period. */
    public static byte[] png(Insights.Analytics analytics, Texts t) {
        List<Insights.DayFigures> days = analytics.days() == null ? List.of() : analytics.days();
        return png(new Notifications.Chart(
                analytics.name() + " · " + t.get("period." + analytics.period()),
                t.get("chart.orders"),
                t.get("chart.buyouts"),
                days.stream()
                        .map(day -> new Notifications.ChartDay(day.date(), day.orders(), day.buyouts()))
                        .toList()));
    }

    /** A chart the server described (the daily digest's 14 days), labels already in the user's language. */
    public static byte[] png(Notifications.Chart chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, chart);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(Graphics2D g, Notifications.Chart chart) {
        List<Notifications.ChartDay> days = chart.days() == null ? List.of() : chart.days();
        long max = Math.max(
                1,
                days.stream()
                        .mapToLong(day -> Math.max(count(day.orders()), count(day.buyouts())))
                        .max()
                        .orElse(1));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;

        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(chart.title() == null ? "" : chart.title(), LEFT, 35);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        legend(g, ORDERS, chart.ordersLabel(), WIDTH - 260);
        legend(g, BUYOUTS, chart.buyoutsLabel(), WIDTH - 140);

        g.setColor(new Color(0xDDDDDD));
        g.setStroke(new BasicStroke(1));
        for (int i = 0; i <= 4; i++) {
            int y = TOP + plotHeight - plotHeight * i / 4;
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.GRAY);
            g.drawString(Long.toString(max * i / 4), 20, y + 5);
            g.setColor(new Color(0xDDDDDD));
        }
        if (days.isEmpty()) {
            return;
        }
        double slot = (double) plotWidth / days.size();
        int bar = (int) Math.max(1, slot * 0.38);
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 15.0));
        for (int i = 0; i < days.size(); i++) {
            Notifications.ChartDay day = days.get(i);
            int x = LEFT + (int) (slot * i + slot * 0.1);
            bar(g, ORDERS, x, bar, day, Notifications.ChartDay::orders, max, plotHeight);
            bar(g, BUYOUTS, x + bar, bar, day, Notifications.ChartDay::buyouts, max, plotHeight);
            if (i % labelEvery == 0 && day.date() != null) {
                g.setColor(Color.GRAY);
                g.drawString(day.date().format(DAY), x, HEIGHT - BOTTOM + 20);
            }
        }
    }

    private static void bar(
            Graphics2D g,
            Color color,
            int x,
            int width,
            Notifications.ChartDay day,
            Function<Notifications.ChartDay, Insights.Tally> metric,
            long max,
            int plotHeight) {
        int height = (int) Math.round((double) count(metric.apply(day)) / max * plotHeight);
        g.setColor(color);
        g.fillRect(x, TOP + plotHeight - height, width, height);
    }

    private static void legend(Graphics2D g, Color color, String label, int x) {
        g.setColor(color);
        g.fillRect(x, 24, 14, 14);
        g.setColor(Color.DARK_GRAY);
        g.drawString(label, x + 20, 36);
    }

    private static long count(Insights.Tally value) {
        return value == null ? 0 : value.count();
    }
}
