package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Upload(c *gin.Context) {
	file, err := c.FormFile("file")
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "no file"})
		return
	}
	c.SaveUploadedFile(file, "/srv/uploads/latest.bin")
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func Avatar(c *gin.Context) {
	avatar, _ := c.FormFile("avatar")
	c.SaveUploadedFile(avatar, "/srv/avatars/current")
}

func Attachment(c *gin.Context) {
	part, err := c.FormFile("attachment")
	if err == nil {
		c.SaveUploadedFile(part, "/srv/attachments/next")
	}
}
