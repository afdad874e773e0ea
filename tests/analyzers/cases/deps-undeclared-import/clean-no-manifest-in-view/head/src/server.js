const express = require("express");
const axios = require("axios");
const fs = require("node:fs");
