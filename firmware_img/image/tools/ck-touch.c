/* ck-touch: a multitouch touchscreen made with uinput, for the emulator boot test
 * (firmware_img/boot-test, through the image's boot-test agent). QEMU 7.2 has no virtio
 * touchscreen, so the test's touches are made inside the guest, as a real panel's would arrive.
 *
 *   ck-touch WIDTH HEIGHT tap X Y
 *   ck-touch WIDTH HEIGHT drag X1 Y1 X2 Y2 STEPS     (a step every 50 ms, then 1 s at rest)
 *
 * The panel's axes run 0..WIDTH-1 and 0..HEIGHT-1 (the screen's pixels, as on a Pi's panel of the
 * same size). The device is made, given 5 s for udev and the kiosk (SDL's evdev hotplug) to open
 * it, used, kept 10 s more, and removed.
 *
 * Why so long after the gesture: in the emulated guest one frame of the kiosk (softpipe under
 * TCG) takes about a second or more, and SDL's evdev handles a device's removal BEFORE reading
 * what is still queued on it. Removed one second after the lift (as it first was), the panel took
 * the drag's moves and its lift with it whenever a frame was being drawn: the tap's lift and the
 * whole drag never reached the kiosk, and the drag "scrolled nothing". A real panel is not
 * unplugged a second after a touch; kept for 10 s, every event is read first. (The kiosk now also
 * cancels the contacts of a panel that goes away, so a lost lift no longer blocks the next touch.)
 * Each run uses a new tracking id, as a real panel does. */
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static int fd = -1;
static int tracking_id = 1;

static void die(const char* what)
{
    perror(what);
    exit(1);
}

static void emit(int type, int code, int value)
{
    struct input_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = (unsigned short)type;
    ev.code = (unsigned short)code;
    ev.value = value;
    if (write(fd, &ev, sizeof ev) != (ssize_t)sizeof ev) {
        die("ck-touch: write");
    }
}

static void sleep_ms(long ms)
{
    struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&t, NULL);
}

static void down(int x, int y)
{
    emit(EV_ABS, ABS_MT_SLOT, 0);
    emit(EV_ABS, ABS_MT_TRACKING_ID, tracking_id);
    emit(EV_ABS, ABS_MT_POSITION_X, x);
    emit(EV_ABS, ABS_MT_POSITION_Y, y);
    emit(EV_KEY, BTN_TOUCH, 1);
    emit(EV_ABS, ABS_X, x);
    emit(EV_ABS, ABS_Y, y);
    emit(EV_SYN, SYN_REPORT, 0);
}

static void move(int x, int y)
{
    emit(EV_ABS, ABS_MT_SLOT, 0);
    emit(EV_ABS, ABS_MT_POSITION_X, x);
    emit(EV_ABS, ABS_MT_POSITION_Y, y);
    emit(EV_ABS, ABS_X, x);
    emit(EV_ABS, ABS_Y, y);
    emit(EV_SYN, SYN_REPORT, 0);
}

static void up(void)
{
    emit(EV_ABS, ABS_MT_SLOT, 0);
    emit(EV_ABS, ABS_MT_TRACKING_ID, -1);
    emit(EV_KEY, BTN_TOUCH, 0);
    emit(EV_SYN, SYN_REPORT, 0);
}

static int number(const char* s, int lo, int hi)
{
    char* end = NULL;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi) {
        fprintf(stderr, "ck-touch: '%s' is not a number from %d to %d\n", s, lo, hi);
        exit(2);
    }
    return (int)v;
}

int main(int argc, char** argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: ck-touch W H tap X Y | ck-touch W H drag X1 Y1 X2 Y2 STEPS\n");
        return 2;
    }
    const int w = number(argv[1], 1, 16384);
    const int h = number(argv[2], 1, 16384);
    fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK);
    if (fd < 0) {
        die("ck-touch: /dev/uinput");
    }
    ioctl(fd, UI_SET_EVBIT, EV_KEY);
    ioctl(fd, UI_SET_KEYBIT, BTN_TOUCH);
    ioctl(fd, UI_SET_EVBIT, EV_ABS);
    ioctl(fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT);
    const int axes[] = { ABS_X, ABS_Y, ABS_MT_SLOT, ABS_MT_TRACKING_ID, ABS_MT_POSITION_X, ABS_MT_POSITION_Y };
    for (unsigned i = 0; i < sizeof axes / sizeof axes[0]; i++) {
        struct uinput_abs_setup a;
        memset(&a, 0, sizeof a);
        a.code = (unsigned short)axes[i];
        const int is_x = axes[i] == ABS_X || axes[i] == ABS_MT_POSITION_X;
        const int is_y = axes[i] == ABS_Y || axes[i] == ABS_MT_POSITION_Y;
        a.absinfo.maximum = is_x ? w - 1 : is_y ? h - 1 : axes[i] == ABS_MT_SLOT ? 9 : 65535;
        if (ioctl(fd, UI_SET_ABSBIT, axes[i]) < 0 || ioctl(fd, UI_ABS_SETUP, &a) < 0) {
            die("ck-touch: UI_ABS_SETUP");
        }
    }
    struct uinput_setup setup;
    memset(&setup, 0, sizeof setup);
    setup.id.bustype = BUS_VIRTUAL;
    setup.id.vendor = 0x1209;
    setup.id.product = 0x0017;
    snprintf(setup.name, UINPUT_MAX_NAME_SIZE, "Cable Kiosk boot-test touchscreen");
    if (ioctl(fd, UI_DEV_SETUP, &setup) < 0 || ioctl(fd, UI_DEV_CREATE) < 0) {
        die("ck-touch: UI_DEV_CREATE");
    }
    tracking_id = 1 + (int)(getpid() % 30000);
    sleep_ms(5000);
    if (strcmp(argv[3], "tap") == 0 && argc == 6) {
        down(number(argv[4], 0, w - 1), number(argv[5], 0, h - 1));
        sleep_ms(80);
        up();
    } else if (strcmp(argv[3], "drag") == 0 && argc == 9) {
        const int x1 = number(argv[4], 0, w - 1), y1 = number(argv[5], 0, h - 1);
        const int x2 = number(argv[6], 0, w - 1), y2 = number(argv[7], 0, h - 1);
        const int steps = number(argv[8], 1, 1000);
        down(x1, y1);
        // 50 ms a step: an emulated guest draws a frame in far more than 16 ms, so the kiosk reads
        // the moves in batches; it sees the whole travel either way (drag_start carries the move
        // past the slop).
        for (int i = 1; i <= steps; i++) {
            sleep_ms(50);
            move(x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps);
        }
        // Rested before the lift, as the headless script's drag does: no fling. A whole second, so
        // that the kiosk, which stamps a batch of moves when it reads it, has read the last moves
        // well before the lift even while a frame is being drawn.
        sleep_ms(1000);
        up();
    } else {
        fprintf(stderr, "ck-touch: unknown gesture\n");
        return 2;
    }
    sleep_ms(10000);
    ioctl(fd, UI_DEV_DESTROY);
    close(fd);
    return 0;
}
