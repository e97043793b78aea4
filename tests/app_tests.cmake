# render tests come with the front-end
