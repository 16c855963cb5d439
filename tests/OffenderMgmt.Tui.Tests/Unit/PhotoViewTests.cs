using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Tests.Unit;

/// <summary>Drawing a photo in the terminal with half-blocks (issue 18): colour, the grey fallback, fitting, and choosing between them.</summary>
public sealed class PhotoViewTests
{
    private static readonly (byte, byte, byte) Red = (255, 0, 0), Green = (0, 200, 0), Blue = (0, 0, 255), White = (255, 255, 255);

    /// <summary>A 2 x 2 image: red and green on top, blue and white below.</summary>
    private static RgbImage Quadrants() => new(2, 2, [255, 0, 0, 0, 200, 0, 0, 0, 255, 255, 255, 255]);

    /// <summary>Runs a window holding the view at the top left (inside the window's border) and hands over the terminal once drawn.</summary>
    private static void Drawn(PhotoView view, Action<HeadlessTerminal> check, int columns = 120, int rows = 40)
    {
        using var terminal = new HeadlessTerminal(columns, rows);
        using var window = new Window();
        view.X = 0;
        view.Y = 0;
        window.Add(view);
        terminal.When("drawn", () => true, () => check(terminal)).Run(window);
    }

    private static Color Fore(HeadlessTerminal t, int column, int row) => t.AttributeAt(column, row)!.Value.Foreground;
    private static Color Back(HeadlessTerminal t, int column, int row) => t.AttributeAt(column, row)!.Value.Background;
    private static Color Rgb((byte R, byte G, byte B) c) => new(c.R, c.G, c.B);

    [Fact]
    public void In_colour_each_cell_is_an_upper_half_block_with_the_upper_pixel_in_front_and_the_lower_behind()
    {
        var view = new PhotoView { Width = 2, Height = 1, Colours = PhotoColours.TrueColour, Image = Quadrants() };

        Drawn(view, t =>
        {
            // The window's border is at column 0 and row 0: the view starts at (1, 1).
            Assert.StartsWith("│▀▀ ", t.Screen().Split('\n')[1], StringComparison.Ordinal);
            Assert.Equal((Rgb(Red), Rgb(Blue)), (Fore(t, 1, 1), Back(t, 1, 1)));
            Assert.Equal((Rgb(Green), Rgb(White)), (Fore(t, 2, 1), Back(t, 2, 1)));
        });
    }

    [Fact]
    public void Without_24_bit_colour_the_pixels_are_drawn_in_the_four_greys_darker_for_darker_pixels()
    {
        var view = new PhotoView { Width = 2, Height = 1, Colours = PhotoColours.Greyscale, Image = Quadrants() };

        Drawn(view, t =>
        {
            Assert.StartsWith("│▀▀ ", t.Screen().Split('\n')[1], StringComparison.Ordinal);
            var cells = new[] { Fore(t, 1, 1), Back(t, 1, 1), Fore(t, 2, 1), Back(t, 2, 1) };
            Assert.All(cells, c => Assert.Contains(c, PhotoView.Greys));
            // Brightness: blue (29) < red (76) < green (117) < white (255); one grey each.
            Assert.Equal([PhotoView.Greys[1], PhotoView.Greys[0], PhotoView.Greys[2], PhotoView.Greys[3]], cells);
        });
    }

    [Theory]
    [InlineData(120, 40)]
    [InlineData(100, 30)]
    public void A_portrait_is_scaled_to_fit_keeping_its_shape_and_centred(int columns, int rows)
    {
        // 64 x 80, as thumbnails come: in 18 x 10 cells (18 x 20 pixels) it is 16 x 20, one column in from each side.
        var pixels = Enumerable.Range(0, 64 * 80).SelectMany(_ => new byte[] { 200, 150, 100 }).ToArray();
        var view = new PhotoView { Width = 18, Height = 10, Colours = PhotoColours.TrueColour, Image = new RgbImage(64, 80, pixels) };

        Drawn(view, t =>
        {
            var screen = t.Screen().Split('\n');
            for (var row = 1; row <= 10; row++) Assert.Equal("│ " + new string('▀', 16) + " ", screen[row][..19]);
            Assert.Equal(new Color(200, 150, 100), Fore(t, 3, 5));
            Assert.DoesNotContain('▀', screen[11]);
        }, columns, rows);
    }

    [Fact]
    public void Without_an_image_the_placeholder_is_written_in_the_middle()
    {
        var view = new PhotoView { Width = 18, Height = 6, Placeholder = "no photo" };

        Drawn(view, t => Assert.Equal("│     no photo", t.Screen().Split('\n')[4][..14]));
    }

    [Fact]
    public void Fitting_averages_the_pixels_each_new_pixel_covers()
    {
        var image = new RgbImage(2, 1, [0, 0, 0, 255, 255, 255]).FitWithin(1, 1);

        Assert.Equal((1, 1), (image.Width, image.Height));
        Assert.Equal(((byte)127, (byte)127, (byte)127), image.At(0, 0));
    }

    [Theory]
    [InlineData("truecolor", false, PhotoColours.TrueColour)]
    [InlineData("24bit", false, PhotoColours.TrueColour)]
    [InlineData("TrueColor", false, PhotoColours.TrueColour)]
    [InlineData("truecolor", true, PhotoColours.Greyscale)]
    [InlineData("", false, PhotoColours.Greyscale)]
    [InlineData(null, false, PhotoColours.Greyscale)]
    [InlineData("256", false, PhotoColours.Greyscale)]
    public void Colour_is_used_only_where_the_terminal_says_it_has_24_bits_and_the_driver_is_not_held_to_16_colours(string? colorTerm, bool forced16, PhotoColours expected)
    {
        Assert.Equal(expected, PhotoView.Detect(colorTerm, forced16));
    }
}
