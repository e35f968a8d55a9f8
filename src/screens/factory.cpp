// The one place that knows every concrete screen type.
#include "screens/factory.hpp"

#include "screens/about_screen.hpp"
#include "screens/attract_screen.hpp"
#include "screens/home_screen.hpp"
#include "screens/out_of_order_screen.hpp"
#include "screens/reader_screen.hpp"
#include "screens/search_screen.hpp"
#include "screens/section_screen.hpp"
#include "screens/timeline_screen.hpp"
#include "screens/year_screen.hpp"

namespace ck::screens {

Env make_env(
    content::Pack* pack, const Strings& strings, Visit& visit, Millis now, const EnvGeometry& geometry)
{
    return Env { pack, strings, visit, now, geometry.body, geometry.viewport, geometry.dpi,
        geometry.viewport.h > geometry.viewport.w };
}

std::string_view name(ScreenId id)
{
    switch (id) {
    case ScreenId::attract:
        return "attract";
    case ScreenId::home:
        return "home";
    case ScreenId::section:
        return "section";
    case ScreenId::reader:
        return "reader";
    case ScreenId::timeline:
        return "timeline";
    case ScreenId::year:
        return "year";
    case ScreenId::about:
        return "about";
    case ScreenId::search:
        return "search";
    case ScreenId::out_of_order:
        return "out-of-order";
    }
    return "?";
}

std::unique_ptr<Screen> make_screen(
    ScreenId id, const std::string& arg, int number, const ScreenServices& services)
{
    content::Pack* pack = services.pack;
    if (pack == nullptr) {
        return std::make_unique<OutOfOrderScreen>();
    }
    switch (id) {
    case ScreenId::attract:
        return std::make_unique<AttractScreen>(pack);
    case ScreenId::home:
        return std::make_unique<HomeScreen>(pack);
    case ScreenId::out_of_order:
        return std::make_unique<OutOfOrderScreen>();
    case ScreenId::search:
        return std::make_unique<SearchScreen>(pack, services.work, arg);
    case ScreenId::reader:
        return std::make_unique<ReaderScreen>(pack, arg);
    case ScreenId::section:
        return std::make_unique<SectionScreen>(pack, arg);
    case ScreenId::timeline:
        return std::make_unique<TimelineScreen>(pack);
    case ScreenId::year:
        return std::make_unique<YearScreen>(pack, number);
    case ScreenId::about:
        return std::make_unique<AboutScreen>(
            pack, services.work, services.about_sync_facts_max.value_or(about_sync_facts_max));
    }
    return nullptr;
}

} // namespace ck::screens
