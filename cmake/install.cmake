# install rules and packaging
