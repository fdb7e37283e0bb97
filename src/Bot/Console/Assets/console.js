// The console works without this script; it only adds the live parts (new tips arriving while a page is open).
"use strict";
