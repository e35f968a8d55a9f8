// Internal to src/content: the curation an archive pack (built without a manifest) gets when it is
// opened (pack_generic.cpp): a title, an introduction, decade sections and a featured list.
#pragma once

#include "content/pack_impl.hpp"

namespace ck::content {

Status add_generic_curation(Pack::Impl& p);

} // namespace ck::content
