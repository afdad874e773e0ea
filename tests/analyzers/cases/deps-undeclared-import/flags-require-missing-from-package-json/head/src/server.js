const express = require("express");
const axios = require("axios");
