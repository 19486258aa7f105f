// Experiment is a plain aggregate (rates/experiment.hpp); this file keeps the one-.cpp-per-header rule.
#include "cevns/rates/experiment.hpp"
